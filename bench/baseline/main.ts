/**
 * The bench's baseline (`npm run bench`): the app's basemap style, drawn by MapLibre with an empty
 * deck.gl overlay, and nothing else: no React, no story data, no story layers. Time to first idle
 * here is the floor the app is measured against.
 *
 * `?w=&h=` size the map like the app's map; `?lang=` picks the label language. It exposes the same
 * `window.__tripoliMap` shape the bench reads from the app (`map`, `ready`, `whenIdle()`).
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { buildStyle } from '../../src/features/map/style';
import { fitZoom } from '../../src/features/map/fitZoom';
import config from '../../data/config.json';

setWorkerUrl(new URL(workerUrl, document.baseURI).href);

const query = new URLSearchParams(location.search);
const container = document.getElementById('map')!;
container.style.width = `${Number(query.get('w')) || innerWidth}px`;
container.style.height = `${Number(query.get('h')) || innerHeight}px`;
const lang = query.get('lang') === 'ar' ? 'ar' : 'en';
const [west, south, east, north] = config.bounds;

const map = new MapLibreMap({
  container,
  style: buildStyle(document.baseURI, lang),
  center: config.view.center as [number, number],
  zoom: fitZoom(config.view.zoom, container.clientWidth),
  minZoom: 3,
  maxZoom: 13,
  maxBounds: [[west - 2, south - 1], [east + 2, north + 1]],
  attributionControl: false,
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
map.addControl(overlay);

let ready = false;
map.once('idle', () => (ready = true));
(window as any).__tripoliMap = {
  map,
  get ready() {
    return ready;
  },
  whenIdle: () =>
    new Promise<void>((resolve) => {
      map.once('idle', () => resolve());
      map.triggerRepaint();
    }),
};
