/** Everything heavy the map needs (MapLibre, deck.gl), loaded as one chunk after the page shell. */
export { MapEngine } from './MapEngine';
export { buildLayers } from './layers';
export { buildIconAtlas } from './icons';
