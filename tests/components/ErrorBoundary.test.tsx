/** An unexpected error while rendering shows a readable message in the reader's language and a reload, never a white page. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { ErrorBoundary } from '../../src/app/ErrorBoundary';
import { strings } from '../../src/i18n/strings';

function Boom({ value }: { value: unknown }): never {
  throw value;
}

let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  // React reports the caught error on the console; the boundary logs it too. Neither is a failure here.
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => consoleError.mockRestore());

describe('ErrorBoundary', () => {
  it.each(['en', 'ar'] as const)('shows what happened and a reload in %s', (lang) => {
    const onReload = vi.fn();
    render(
      <ErrorBoundary lang={lang} onReload={onReload}>
        <div>
          <p>the map</p>
          <Boom value={new Error('layer exploded')} />
        </div>
      </ErrorBoundary>,
    );
    const alert = screen.getByRole('alert');
    const t = strings[lang];
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(t.errorTitle);
    expect(alert.textContent).toContain(t.errorBody);
    expect(alert.textContent).toContain('layer exploded');
    expect(alert.getAttribute('lang')).toBe(lang);
    expect(alert.getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    expect(screen.queryByText('the map')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: t.reload }));
    expect(onReload).toHaveBeenCalledTimes(1);
    expect(consoleError).toHaveBeenCalledWith('[app]', expect.any(Error));
  });

  it('copes with things thrown that are not errors, and with huge or hostile messages', () => {
    for (const value of [null, undefined, 'just a string', 42, { toString: () => '<img src=x onerror=alert(1)>' }]) {
      const { unmount } = render(
        <ErrorBoundary lang="en">
          <Boom value={value} />
        </ErrorBoundary>,
      );
      expect(screen.getByRole('alert').textContent).toContain(strings.en.errorTitle);
      expect(document.querySelector('img')).toBeNull();
      unmount();
    }
    render(
      <ErrorBoundary lang="en">
        <Boom value={new Error('x'.repeat(100_000))} />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').querySelector('pre')!.textContent).toHaveLength(500);
  });

  it('renders its children when nothing breaks', () => {
    render(
      <ErrorBoundary lang="ar">
        <p>fine</p>
      </ErrorBoundary>,
    );
    expect(screen.getByText('fine')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
