import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { DetailsPanel } from '../../src/features/details/DetailsPanel';
import { StoreContext } from '../../src/state/store';
import { allFeatures } from '../../src/state/selectors';
import { loadedStore } from './fixtures';

function renderWith(store: ReturnType<typeof loadedStore>) {
  return render(
    <StoreContext.Provider value={store}>
      <DetailsPanel />
    </StoreContext.Provider>,
  );
}

const strikeWith = (store: ReturnType<typeof loadedStore>, count: number) =>
  allFeatures(store.getState().layers).find((f) => f.properties.kind === 'strike' && f.properties.count === count)!;

describe('DetailsPanel', () => {
  it('shows nothing until something is selected', () => {
    const { container } = renderWith(loadedStore());
    expect(container.textContent).toBe('');
  });

  it('shows a strike: title, date, count, attacker, confidence and paragraphs', () => {
    const store = loadedStore();
    const strike = strikeWith(store, 16);
    store.getState().select(strike.properties.id);
    renderWith(store);
    const panel = screen.getByTestId('details');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(strike.properties.title.en);
    expect(panel.textContent).toContain('20 December 2019');
    expect(panel.textContent).toContain('16');
    expect(panel.textContent).toMatch(/Attacker, as claimed/);
    expect(panel.textContent).toMatch(/How sure we are/);
    expect(panel.textContent).toMatch(/¶ 8/);
  });

  it('shows the contradiction for Gharyan and keeps background knowledge apart', () => {
    const store = loadedStore();
    const gharyan = allFeatures(store.getState().layers).find((f) => f.properties.kind === 'event' && f.properties.category === 'capture' && /Gharyan/.test(f.properties.title.en))!;
    act(() => store.getState().select(gharyan.properties.id));
    renderWith(store);
    expect(screen.getByTestId('contradiction').textContent).toMatch(/July/);
    expect(screen.getByTestId('general-knowledge')).toBeTruthy();
    expect(screen.getByText('26 June 2019 (exact day)', { exact: false })).toBeTruthy();
  });

  it('renders hostile strings as text, not markup', () => {
    const store = loadedStore();
    const strike = strikeWith(store, 16);
    const hostile = '<img src=x onerror="window.__pwned=1">';
    strike.properties.title = { en: hostile, ar: hostile };
    store.getState().select(strike.properties.id);
    const { container } = renderWith(store);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(hostile);
  });

  it('speaks Arabic and closes', () => {
    const store = loadedStore('ar');
    store.getState().select(strikeWith(store, 8).properties.id);
    renderWith(store);
    expect(screen.getByTestId('details').textContent).toMatch(/درجة اليقين/);
    fireEvent.click(screen.getByRole('button', { name: 'إغلاق' }));
    expect(store.getState().selectedId).toBeNull();
  });
});
