import { useEffect, useRef, useState } from 'react';
import { useAppStore, useStoreApi, type AppState } from '../../state/store';
import { findFeature, layersSettled, readyFeatures } from '../../state/selectors';
import { LAYER_IDS, type LayerId } from '../../data/ids';
import type { PlaceFeature, StoryConfig, StoryFeature } from '../../data/schema';
import { strings } from '../../i18n/strings';
import { mapLabel, storyCredit } from '../../i18n/format';
import type { IconAtlas } from './icons';
import { FIRST_LABEL_LAYER } from './style';
import type { MapEngine } from './MapEngine';
import type { MapStatus } from './health';
import type { StoreApi } from 'zustand/vanilla';

type EngineModule = typeof import('./engine');

/**
 * Whether the browser has WebGL2 at all. Cheap on purpose: creating a throwaway context to test it
 * cost about 0.4 s of the first load in software rendering. A browser with the API but no working
 * context makes MapLibre throw, which MapView catches the same way.
 */
export function hasWebGL2(): boolean {
  return typeof WebGL2RenderingContext !== 'undefined';
}

let engineModule: Promise<EngineModule> | null = null;
/**
 * Loads the map's code (MapLibre and deck.gl, most of the page's bytes). main.tsx starts it at once,
 * alongside the story's data, rather than after config.json has arrived.
 */
export function preloadEngine(): Promise<EngineModule> {
  return (engineModule ??= import('./engine'));
}

/** Thin React shell: creates the engine once, feeds it store changes, destroys it on unmount. */
export function MapView({ onUnavailable }: { onUnavailable(reason: string): void }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  // `places`: those in the map's style when it was made, not to be handed over a second time.
  const [loaded, setLoaded] = useState<{ engine: MapEngine; lib: EngineModule; places: PlaceFeature[] } | null>(null);
  const engine = loaded?.engine ?? null;
  const [status, setStatus] = useState<MapStatus>({ kind: 'ok' });
  // Bumped when the browser gives back a lost WebGL context: a new engine replaces the old one.
  const [restarts, setRestarts] = useState(0);

  useEffect(() => {
    if (!containerRef.current) return;
    let disposed = false;
    let created: MapEngine | null = null;
    let lost = false;
    let stopWaiting = () => {};
    // The map is made the moment config.json has been checked and the map's code (a chunk of its
    // own, so the page shell paints first) has run: not a React render and commit later, while
    // the rest of the page draws itself with the story's config.
    const configChecked = new Promise<StoryConfig>((resolve) => {
      const ready = store.getState().config;
      if (ready) return resolve(ready);
      stopWaiting = store.subscribe((s) => {
        if (!s.config) return;
        stopWaiting();
        resolve(s.config);
      });
    });
    // Without WebGL2 the map's code is never fetched; the simple map says so once the story is known.
    void Promise.all([configChecked, hasWebGL2() ? preloadEngine() : null]).then(([config, lib]) => {
      if (disposed || !containerRef.current) return;
      if (!lib) return onUnavailable('webgl');
      const { lang: initialLang } = store.getState();
      // A link's view on first start; after a lost context, the view the reader had reached.
      const initialView = (restarts ? store.getState().view : null) ?? store.getState().viewRequest?.view ?? null;
      const places = visiblePlaces(store.getState());
      try {
        created = new lib.MapEngine({
          container: containerRef.current,
          baseUrl: document.baseURI,
          lang: initialLang,
          center: config.view.center,
          zoom: config.view.zoom,
          bounds: config.bounds,
          // MapLibre parses its first attribution as HTML: escape it so config text stays text.
          attribution: escapeHtml(attributionText(store.getState())),
          places,
          cooperativeGestures: store.getState().embed,
          initialView,
          onViewChange: (view) => store.getState().setView(view),
          onPick: (id) => store.getState().select(id),
          onHover: (hover) => store.getState().setHover(hover),
          onError: (message) => console.warn(`[map] ${message}`),
          onStatus: (next) => {
            setStatus(next);
            if (next.kind === 'lost' || next.kind === 'lost-for-good') lost = true;
            else if (next.kind === 'ok' && lost) setRestarts((n) => n + 1);
          },
        });
      } catch (error) {
        onUnavailable((error as Error).message);
        return;
      }
      (window as any).__tripoliMap = created;
      // Image export, printing and story mode's rings read the drawn map through the store.
      store.setState({ engine: created });
      if (!store.getState().firstViewShown) whenFirstViewDrawn(store, created);
      setLoaded({ engine: created, lib, places });
    });
    return () => {
      disposed = true;
      stopWaiting();
      if (created && store.getState().engine === created) store.setState({ engine: null });
      created?.destroy();
      if ((window as any).__tripoliMap === created) delete (window as any).__tripoliMap;
    };
  }, [store, onUnavailable, restarts]);

  useEffect(() => {
    if (!loaded) return;
    const { engine, lib } = loaded;
    let icons: IconAtlas | null = null;
    let lastPlaces: unknown = loaded.places;
    const render = (state: AppState) => {
      if (!state.config) return;
      icons ??= lib.buildIconAtlas();
      const features: Partial<Record<LayerId, StoryFeature[]>> = {};
      for (const id of LAYER_IDS) features[id] = readyFeatures(state.layers, id);
      engine.setLayers(
        lib.buildLayers({
          day: state.day,
          features,
          visible: state.visible,
          actors: state.config.actors,
          selectedId: state.selectedId,
          hoveredId: state.hover?.id ?? null,
          icons,
          beforeId: FIRST_LABEL_LAYER,
        }),
      );
      const places = visiblePlaces(state);
      if (places !== lastPlaces) {
        lastPlaces = places;
        engine.setPlaces(places);
      }
    };
    render(store.getState());
    let lastRequest = store.getState().viewRequest?.seq ?? 0;
    // Subscribing outside React keeps playback from re-rendering the component tree each frame.
    return store.subscribe((state, previous) => {
      if (state.selectedId && state.selectedId !== previous.selectedId) revealOnPhone(engine, state);
      if (state.viewRequest && state.viewRequest.seq !== lastRequest) {
        lastRequest = state.viewRequest.seq;
        engine.moveTo(state.viewRequest.view);
      }
      if (
        state.day !== previous.day ||
        state.layers !== previous.layers ||
        state.visible !== previous.visible ||
        state.selectedId !== previous.selectedId ||
        state.hover?.id !== previous.hover?.id
      )
        render(state);
    });
  }, [loaded, store]);

  useEffect(() => {
    if (!engine) return;
    engine.setLang(lang);
    engine.setAttribution(attributionText(store.getState()));
    engine.map.getCanvas().setAttribute('aria-label', mapLabel(store.getState().config, lang));
  }, [engine, lang, store]);

  return (
    <>
      <div ref={containerRef} className="map" data-testid="map" data-ready={engine ? 'true' : 'false'} />
      <MapNotice status={status} onSimpleMap={() => onUnavailable('failed')} />
    </>
  );
}

/**
 * Says so when the map cannot draw: it failed to start (its worker or basemap did not load), it is
 * slow to, or the browser took its WebGL context away. A reload is offered wherever waiting will not
 * help, and a failed map can give way to the simple one.
 */
function MapNotice({ status, onSimpleMap }: { status: MapStatus; onSimpleMap(): void }) {
  const lang = useAppStore((s) => s.lang);
  const t = strings[lang];
  if (status.kind === 'ok') return null;
  const text = {
    slow: t.mapSlow,
    failed: t.mapFailed,
    lost: t.mapContextLost,
    'lost-for-good': t.mapNotRestored,
  }[status.kind];
  const canReload = status.kind !== 'lost';
  return (
    <div className="map-notice" role="alert" data-testid="map-notice" data-status={status.kind}>
      <p>
        {status.kind === 'lost' && <span className="spinner" aria-hidden="true" />} {text}
      </p>
      {status.kind === 'failed' && (
        <p className="map-notice-detail" dir="ltr">
          {status.message}
        </p>
      )}
      {canReload && (
        <div className="map-notice-actions">
          <button type="button" className="text-button" onClick={() => location.reload()}>
            {t.reload}
          </button>
          {status.kind !== 'slow' && (
            <button type="button" className="text-button" onClick={onSimpleMap}>
              {t.simpleMap}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** The credit line: the story's source from config.json, then the basemap's. */
function attributionText(state: AppState): string {
  const t = strings[state.lang];
  return state.config ? `${storyCredit(state.config.source, state.lang)} · ${t.attributionBasemap}` : t.attributionBasemap;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** On a phone the details open as a sheet over the lower half of the map: keep the feature above it. */
function revealOnPhone(engine: MapEngine, state: AppState) {
  if (!window.matchMedia?.('(max-width: 640px)').matches) return;
  const feature = findFeature(state.layers, state.selectedId);
  if (feature?.geometry.type !== 'Point') return;
  const height = engine.map.getContainer().clientHeight;
  engine.revealPoint(feature.geometry.coordinates as [number, number], Math.round(height * 0.5));
}

/** Every layer of the story has settled (drawn, or failed and reported) and the map has drawn it. */
function whenFirstViewDrawn(store: StoreApi<AppState>, engine: MapEngine): void {
  const settled = (s: AppState) => layersSettled(s.config, s.layers);
  const drawn = () =>
    engine.whenIdle().then(() => {
      if (store.getState().firstViewShown) return;
      // A mark a host page's own timing (and our tests) can read: the first view is on screen.
      performance.mark?.('tripoli-map:first-view');
      store.setState({ firstViewShown: true });
    });
  if (settled(store.getState())) return void drawn();
  const unsubscribe = store.subscribe((s) => {
    if (s.engine !== engine) return unsubscribe(); // replaced after a lost context: its successor asks
    if (!settled(s)) return;
    unsubscribe();
    drawn();
  });
}

const NO_PLACES: PlaceFeature[] = [];
/** The places the map should name now; the same empty array while there are none, so none is handed over twice. */
function visiblePlaces(state: AppState): PlaceFeature[] {
  if (!state.visible.places) return NO_PLACES;
  const places = readyFeatures(state.layers, 'places') as PlaceFeature[];
  return places.length ? places : NO_PLACES;
}
