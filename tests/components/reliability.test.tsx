/**
 * Reliability in the page shell (docs/reliability.md): the static map that stands in for WebGL,
 * notices for layers still loading and features left out, links and hostile text in the details
 * panel, and playback that pauses while hidden or scrolled away.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { StoreContext } from '../../src/state/store';
import { StaticMap, projector, STATIC_WIDTH, STATIC_HEIGHT } from '../../src/features/map/StaticMap';
import { LayerNotices, LOADING_NOTICE_DELAY_MS } from '../../src/app/LayerNotices';
import { Legend } from '../../src/features/legend/Legend';
import { DetailsPanel } from '../../src/features/details/DetailsPanel';
import { usePlayback } from '../../src/features/timeline/usePlayback';
import { dayOfDate } from '../../src/data/time';
import { parseLayer } from '../../src/data/validate';
import { loadedStore } from './fixtures';

type Store = ReturnType<typeof loadedStore>;
const withStore = (store: Store, ui: React.ReactNode) => render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);

describe('static map (no WebGL)', () => {
  beforeEach(() => {
    vi.stubGlobal('fetch', async (url: string) => {
      const name = new URL(url).pathname.split('/').pop()!;
      return new Response(readFileSync(`public/basemap/${name}`, 'utf8'), { status: 200 });
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  // First: the basemap is fetched once per page, and only a failure is forgotten (to be tried again).
  it('draws the story on the sea when the basemap cannot be fetched', async () => {
    vi.stubGlobal('fetch', async () => new Response('no', { status: 404 }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container } = withStore(loadedStore(), <StaticMap />);
    await waitFor(() => expect(warn).toHaveBeenCalled());
    expect(container.querySelector('path.land')).toBeNull();
    expect(container.querySelectorAll('.symbol').length).toBeGreaterThan(0);
    warn.mockRestore();
  });
  it('projects the story view onto its drawing like the map would', () => {
    const project = projector([13.6, 32.6], 7.2);
    expect(project([13.6, 32.6])).toEqual([STATIC_WIDTH / 2, STATIC_HEIGHT / 2]);
    const [xWest] = project([13.0, 32.6]);
    const [, yNorth] = project([13.6, 33.0]);
    expect(xWest).toBeLessThan(STATIC_WIDTH / 2);
    expect(yNorth).toBeLessThan(STATIC_HEIGHT / 2);
  });

  it('draws land, borders and the story at the current date, and follows the timeline', async () => {
    const store = loadedStore('en', '2019-12-21');
    const { container } = withStore(store, <StaticMap />);
    const svg = screen.getByTestId('static-map');
    expect(svg.getAttribute('aria-label')).toMatch(/21 December 2019/);
    await waitFor(() => expect(container.querySelector('path.land')?.getAttribute('d')?.length).toBeGreaterThan(1000));
    expect(container.querySelector('path.borders')).not.toBeNull();
    const count = (kind: string) => container.querySelectorAll(`.symbol.${kind}`).length;
    const december = { strikes: count('strike'), events: count('event'), bases: count('air-base') };
    expect(december.strikes).toBeGreaterThan(3);
    expect(december.events).toBeGreaterThan(3);
    expect(december.bases).toBeGreaterThan(3);
    expect(container.querySelectorAll('.front-line').length).toBeGreaterThan(0);
    expect(container.querySelectorAll('.control-area').length).toBeGreaterThan(0);

    act(() => store.getState().setDay(dayOfDate('2019-04-05')));
    expect(count('strike') + count('event')).toBeLessThan(december.strikes + december.events);
    expect(svg.getAttribute('aria-label')).toMatch(/5 April 2019/);

    // Clicking a symbol selects it, and the selection is ringed.
    const symbol = container.querySelector('.symbol.event')!;
    fireEvent.click(symbol);
    expect(store.getState().selectedId).toBe(symbol.getAttribute('data-id'));
    expect(container.querySelector('.selection')).not.toBeNull();

    // A switched-off layer is not drawn.
    act(() => store.getState().toggleLayer('events'));
    expect(count('event')).toBe(0);
  });

});

describe('layer notices', () => {
  it('say which layers are still loading, in the legend at once and in the notices after a moment', () => {
    vi.useFakeTimers();
    try {
      const store = loadedStore();
      store.setState((s) => ({ layers: { ...s.layers, 'control-areas': { status: 'loading' } } }));
      withStore(store, (<><Legend /><LayerNotices /></>) as any);
      expect(screen.getByTestId('loading-control-areas').textContent).toMatch(/loading/);
      expect(screen.queryByTestId('layers-loading')).toBeNull();
      act(() => vi.advanceTimersByTime(LOADING_NOTICE_DELAY_MS));
      expect(screen.getByTestId('layers-loading').textContent).toMatch(/Still loading: Areas of control/);
      act(() => store.setState((s) => ({ layers: { ...s.layers, 'control-areas': { status: 'ready', features: [], skippedNullGeometry: 0 } } })));
      expect(screen.queryByTestId('layers-loading')).toBeNull();
      expect(screen.queryByTestId('loading-control-areas')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('count the features left out, and name file, feature and field of each', () => {
    const store = loadedStore('ar');
    store.setState((s) => ({
      layers: {
        ...s.layers,
        strikes: {
          status: 'ready',
          features: [],
          skippedNullGeometry: 2,
          notices: [{ file: 'strikes.geojson', featureId: 'strike-x', field: 'geometry', message: 'point 32.37,15.09 is outside the story\'s bounds' }],
        },
      },
    }));
    withStore(store, <LayerNotices />);
    const notices = screen.getByTestId('layer-notices');
    expect(notices.querySelector('summary')!.textContent).toMatch(/^3 /);
    expect(screen.getByTestId('skipped-geometry').textContent).toBe('بلا موقع، تم تجاوزها: 2');
    expect(notices.textContent).toContain('strikes.geojson, feature "strike-x", field "geometry": point 32.37,15.09');
  });

  it('stay away when every layer is in', () => {
    const { container } = withStore(loadedStore(), <LayerNotices />);
    expect(container.textContent).toBe('');
  });
});

describe('details panel with hostile data', () => {
  function hostileStore() {
    const store = loadedStore();
    const raw = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [13.19, 32.89] },
          properties: {
            id: 'event-hostile', kind: 'event', category: 'ground', actor: 'lna', start: '2019-06-26', datePrecision: 'day', confidence: 'reported',
            title: { ar: 'عنوان', en: '<img src=x onerror="window.__pwned=1">\u202Eevil' },
            summary: { ar: 'ملخص', en: '<script>window.__pwned=1</script>' },
            sources: { article: [3], links: [{ url: 'https://www.madamasr.com/en/' }, { url: 'https://example.org/a', label: '<b>label</b>' }] },
          },
        },
      ],
    };
    const layer = parseLayer('events.geojson', 'events', raw);
    expect(layer.problems).toEqual([]);
    // A link that got past the schema somehow (a future bug) is still not rendered.
    (layer.features[0].properties.sources.links as { url: string }[]).push({ url: 'javascript:window.__pwned=1' });
    store.setState((s) => ({ layers: { ...s.layers, events: { status: 'ready', features: layer.features, skippedNullGeometry: 0 } } }));
    store.getState().select('event-hostile');
    return store;
  }

  it('renders data strings as text and only http(s) links, in a new tab without opener or referrer', () => {
    const { container } = withStore(hostileStore(), <DetailsPanel />);
    const panel = screen.getByTestId('details');
    expect(container.querySelector('img, script, b')).toBeNull();
    expect(panel.querySelector('h2')!.textContent).toBe('<img src=x onerror="window.__pwned=1">\u202Eevil');
    expect(panel.querySelector('h2 bdi')).not.toBeNull();
    expect(panel.textContent).toContain('<script>window.__pwned=1</script>');
    const links = [...panel.querySelectorAll('a')];
    expect(links.map((a) => [a.getAttribute('href'), a.textContent, a.getAttribute('rel'), a.getAttribute('target')])).toEqual([
      ['https://www.madamasr.com/en/', 'madamasr.com', 'noopener noreferrer', '_blank'],
      ['https://example.org/a', '<b>label</b>', 'noopener noreferrer', '_blank'],
    ]);
    expect((window as any).__pwned).toBeUndefined();
  });
});

describe('playback', () => {
  let frames: ((now: number) => void)[] = [];
  let now = 0;
  let observe: ((entries: { isIntersecting: boolean }[]) => void) | null = null;
  let hidden = false;
  beforeEach(() => {
    frames = [];
    now = 0;
    hidden = false;
    vi.stubGlobal('requestAnimationFrame', (cb: (now: number) => void) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => {});
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(cb: typeof observe) {
          observe = cb;
        }
        observe() {}
        disconnect() {}
      },
    );
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    delete (document as { hidden?: boolean }).hidden;
  });
  /** Runs the animation frames of `seconds` of wall time, 10 frames a second. */
  const run = (seconds: number) => {
    for (let i = 0; i < seconds * 10; i++) {
      now += 100;
      const due = frames;
      frames = [];
      act(() => due.forEach((cb) => cb(now)));
    }
  };
  function Player({ last }: { last: number }) {
    usePlayback(last);
    return null;
  }

  it('stops while the page is hidden or the map is out of sight, and resumes at the same date', () => {
    const store = loadedStore('en', '2019-06-01');
    const start = store.getState().day;
    withStore(store, <Player last={start + 1000} />);
    act(() => store.getState().setPlaying(true));
    run(1); // normal speed: 10 days a second
    const afterOne = store.getState().day;
    expect(afterOne - start).toBeGreaterThanOrEqual(9);

    hidden = true;
    run(3);
    expect(store.getState().day).toBe(afterOne);
    hidden = false;
    run(1);
    const visibleAgain = store.getState().day;
    expect(visibleAgain - afterOne).toBeGreaterThanOrEqual(9);
    expect(visibleAgain - afterOne).toBeLessThanOrEqual(11); // no jump for the hidden time

    act(() => observe!([{ isIntersecting: false }]));
    run(3);
    expect(store.getState().day).toBe(visibleAgain);
    expect(store.getState().playing).toBe(true); // paused by sight, not stopped: the button still says Pause
    act(() => observe!([{ isIntersecting: true }]));
    run(1);
    expect(store.getState().day - visibleAgain).toBeGreaterThanOrEqual(9);
    expect(store.getState().day - visibleAgain).toBeLessThanOrEqual(11);
  });
});
