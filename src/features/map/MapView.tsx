import { useEffect, useRef, useState } from 'react';
import { useAppStore, useStoreApi, type AppState } from '../../state/store';
import { readyFeatures } from '../../state/selectors';
import { LAYER_IDS, type LayerId } from '../../data/ids';
import type { PlaceFeature, StoryFeature } from '../../data/schema';
import { strings } from '../../i18n/strings';
import { mapLabel, storyCredit } from '../../i18n/format';
import type { IconAtlas } from './icons';
import { FIRST_LABEL_LAYER } from './style';
import type { MapEngine } from './MapEngine';

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
  const config = useAppStore((s) => s.config);
  const lang = useAppStore((s) => s.lang);
  const [loaded, setLoaded] = useState<{ engine: MapEngine; lib: EngineModule } | null>(null);
  const engine = loaded?.engine ?? null;

  useEffect(() => {
    if (!config || !containerRef.current) return;
    if (!hasWebGL2()) {
      onUnavailable('webgl');
      return;
    }
    let disposed = false;
    let created: MapEngine | null = null;
    const { lang: initialLang } = store.getState();
    // The engine and its libraries are a separate chunk, so the page shell paints first.
    preloadEngine().then((lib) => {
      if (disposed || !containerRef.current) return;
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
          cooperativeGestures: store.getState().embed,
          initialView: store.getState().viewRequest?.view ?? null,
          onViewChange: (view) => store.getState().setView(view),
          onPick: (id) => store.getState().select(id),
          onHover: (hover) => store.getState().setHover(hover),
          onError: (message) => console.warn(`[map] ${message}`),
        });
      } catch (error) {
        onUnavailable((error as Error).message);
        return;
      }
      (window as any).__tripoliMap = created;
      // Image export, printing and story mode's rings read the drawn map through the store.
      store.setState({ engine: created });
      setLoaded({ engine: created, lib });
    });
    return () => {
      disposed = true;
      if (created && store.getState().engine === created) store.setState({ engine: null });
      created?.destroy();
      if ((window as any).__tripoliMap === created) delete (window as any).__tripoliMap;
    };
  }, [config, store, onUnavailable]);

  useEffect(() => {
    if (!loaded) return;
    const { engine, lib } = loaded;
    let icons: IconAtlas | null = null;
    let lastPlaces: unknown = null;
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
      const places = state.visible.places ? (features.places as PlaceFeature[]) : [];
      if (places !== lastPlaces) {
        lastPlaces = places;
        engine.setPlaces(places);
      }
    };
    render(store.getState());
    let lastRequest = store.getState().viewRequest?.seq ?? 0;
    // Subscribing outside React keeps playback from re-rendering the component tree each frame.
    return store.subscribe((state, previous) => {
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

  return <div ref={containerRef} className="map" data-testid="map" data-ready={engine ? 'true' : 'false'} />;
}

/** The credit line: the story's source from config.json, then the basemap's. */
function attributionText(state: AppState): string {
  const t = strings[state.lang];
  return state.config ? `${storyCredit(state.config.source, state.lang)} · ${t.attributionBasemap}` : t.attributionBasemap;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
