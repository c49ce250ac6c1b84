/**
 * The map both reference pages of the bench start from (bench/baseline, bench/story-layers): the
 * app's basemap style drawn by MapLibre, sized and placed like the app's map, with an interleaved
 * deck.gl overlay. `?w=&h=` size it; `?lang=` picks the label language.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { MapLibreOverlay, type MapLibreOverlayProps } from '@deck.gl/maplibre';
import { buildStyle } from '../src/features/map/style';
import { fitZoom } from '../src/features/map/fitZoom';
import config from '../data/config.json';

setWorkerUrl(new URL(workerUrl, document.baseURI).href);

export function referenceMap(overlayProps: MapLibreOverlayProps = {}): { map: MapLibreMap; overlay: MapLibreOverlay } {
  const query = new URLSearchParams(location.search);
  const container = document.getElementById('map')!;
  container.style.width = `${Number(query.get('w')) || innerWidth}px`;
  container.style.height = `${Number(query.get('h')) || innerHeight}px`;
  const [west, south, east, north] = config.bounds;
  const map = new MapLibreMap({
    container,
    style: buildStyle(document.baseURI, query.get('lang') === 'ar' ? 'ar' : 'en'),
    center: config.view.center as [number, number],
    zoom: fitZoom(config.view.zoom, container.clientWidth),
    minZoom: 3,
    maxZoom: 13,
    maxBounds: [[west - 2, south - 1], [east + 2, north + 1]],
    attributionControl: false,
    canvasContextAttributes: { alpha: false },
  });
  const overlay = new MapLibreOverlay({ interleaved: true, layers: [], ...overlayProps });
  map.addControl(overlay);
  return { map, overlay };
}

/**
 * A reference page with layers of its own: the map, `addLayers` called as soon as the style is parsed
 * (as the app hands its layers over), and, as in the app, ready only once deck.gl has its WebGL
 * device (a chunk of its own) and the map has been idle after it.
 */
export function referencePageWithLayers(addLayers: (map: MapLibreMap, overlay: MapLibreOverlay) => void): void {
  let deckReady: () => void = () => {};
  const deckDevice = new Promise<void>((resolve) => (deckReady = resolve));
  const { map, overlay } = referenceMap({ onDeviceInitialized: () => deckReady() });
  map.once('style.load', () => addLayers(map, overlay));
  let ready = false;
  void deckDevice.then(() => {
    map.once('idle', () => (ready = true));
    map.triggerRepaint();
  });
  exposeToBench(map, () => ready);
}

/** The `window.__tripoliMap` shape the bench reads from the app (`map`, `ready`, `whenIdle()`). */
export function exposeToBench(map: MapLibreMap, isReady: () => boolean): void {
  (window as any).__tripoliMap = {
    map,
    get ready() {
      return isReady();
    },
    whenIdle: () =>
      new Promise<void>((resolve) => {
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  };
}
