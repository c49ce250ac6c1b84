/**
 * The bench's second reference page (`npm run bench`): the baseline page (bench/baseline) plus the
 * story's deck.gl layers as the app builds them, with the article's data compiled in and handed to
 * the overlay as soon as the style is parsed. No React, no page shell, no downloads or checks of
 * the data at run time, no place names. Its time to first idle over the baseline's is what drawing
 * the story with deck.gl costs in this browser, whatever the app around it does; the app's own
 * ratio cannot fall below it.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { buildStyle } from '../../src/features/map/style';
import { installMercatorProjection } from '../../src/features/map/mercatorProjection';
import { handOverLayers } from '../../src/features/map/handOver';
import { buildLayers } from '../../src/features/map/layers';
import { buildIconAtlas } from '../../src/features/map/icons';
import { fitZoom } from '../../src/features/map/fitZoom';
import { parseConfig, parseLayer } from '../../src/data/validate';
import { dayOfDate } from '../../src/data/time';
import type { LayerId, StoryFeature } from '../../src/data/schema';
import rawConfig from '../../data/config.json';
import controlAreas from '../../data/control-areas.geojson?raw';
import frontLines from '../../data/front-lines.geojson?raw';
import airBases from '../../data/air-bases.geojson?raw';
import events from '../../data/events.geojson?raw';
import strikes from '../../data/strikes.geojson?raw';

setWorkerUrl(new URL(workerUrl, document.baseURI).href);
installMercatorProjection();

const config = parseConfig('config.json', rawConfig).config!;
const files: Partial<Record<LayerId, string>> = { 'control-areas': controlAreas, 'front-lines': frontLines, 'air-bases': airBases, events, strikes };
const features: Partial<Record<LayerId, StoryFeature[]>> = {};
for (const [id, text] of Object.entries(files) as [LayerId, string][]) {
  const parsed = parseLayer(`${id}.geojson`, id, JSON.parse(text));
  if (parsed.problems.length) throw new Error(`${id}: ${JSON.stringify(parsed.problems[0])}`);
  features[id] = parsed.features;
}

const container = document.getElementById('map')!;
container.style.width = `${innerWidth}px`;
container.style.height = `${innerHeight}px`;
const [west, south, east, north] = config.bounds;
const map = new MapLibreMap({
  container,
  style: buildStyle(document.baseURI, 'en'),
  center: config.view.center,
  zoom: fitZoom(config.view.zoom, container.clientWidth),
  minZoom: 3,
  maxZoom: 13,
  maxBounds: [[west - 2, south - 1], [east + 2, north + 1]],
  attributionControl: false,
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
// As in the app, ready means drawn: deck.gl first needs its WebGL device (a chunk of its own).
let deckReady: () => void = () => {};
const deckDevice = new Promise<void>((resolve) => (deckReady = resolve));
const overlay = new MapLibreOverlay({ interleaved: true, layers: [], onDeviceInitialized: () => deckReady() });
map.addControl(overlay);
const layers = buildLayers({
  day: dayOfDate(config.initialDate),
  features,
  visible: { 'control-areas': true, 'front-lines': true, 'air-bases': true, events: true, strikes: true, places: false },
  actors: config.actors,
  selectedId: null,
  hoveredId: null,
  icons: buildIconAtlas(),
  beforeId: 'basemap-labels',
});
map.once('style.load', () => handOverLayers(map, overlay, layers, true));

let ready = false;
void deckDevice.then(() => {
  map.once('idle', () => (ready = true));
  map.triggerRepaint();
});
(window as any).__tripoliMap = {
  map,
  get ready() {
    return ready;
  },
};
