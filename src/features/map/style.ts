/**
 * The basemap style: land, coast, borders and labels, all from files shipped with the app. No
 * glyph server: MapLibre draws label text itself from the fonts named in `font-faces`.
 */
import type { StyleSpecification, ExpressionSpecification } from 'maplibre-gl';
import notoLatin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import type { Lang } from '../../i18n/strings';
import { ARABIC_FONT_URL, ARABIC_UNICODE_RANGE } from '../../assets/fonts/arabic';

export const LABEL_FONT = 'Noto Sans Regular';
/** Deck layers are drawn beneath this MapLibre layer, so every name stays readable on top. */
export const FIRST_LABEL_LAYER = 'basemap-labels';
export const PLACES_SOURCE = 'story-places';
const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

export function nameField(lang: Lang): ExpressionSpecification {
  return ['coalesce', ['get', lang === 'ar' ? 'name_ar' : 'name_en'], ['get', 'name_en']];
}

/**
 * `places`, when the story's places are known before the map is made, go into the style itself:
 * MapLibre then tiles and places their names in the same pass as the basemap's, not in a second
 * round (and more frames) after a setData.
 */
export function buildStyle(baseUrl: string, lang: Lang, places: GeoJSON.FeatureCollection = EMPTY): StyleSpecification {
  const asset = (path: string) => new URL(path, baseUrl).href;
  return {
    version: 8,
    'font-faces': {
      [LABEL_FONT]: [
        { url: new URL(ARABIC_FONT_URL, baseUrl).href, 'unicode-range': [...ARABIC_UNICODE_RANGE] },
        { url: new URL(notoLatin, baseUrl).href },
      ],
    },
    sources: {
      land: { type: 'geojson', data: asset('basemap/land.geojson'), attribution: '' },
      borders: { type: 'geojson', data: asset('basemap/borders.geojson') },
      labels: { type: 'geojson', data: asset('basemap/labels.geojson') },
      [PLACES_SOURCE]: { type: 'geojson', data: places },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#c9dbe6' } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f4f1ea' } },
      { id: 'coast', type: 'line', source: 'land', paint: { 'line-color': '#8fa9ba', 'line-width': 0.8 } },
      {
        id: 'borders',
        type: 'line',
        source: 'borders',
        paint: { 'line-color': '#8c8c8c', 'line-width': 1, 'line-dasharray': [3, 2] },
      },
      {
        id: FIRST_LABEL_LAYER,
        type: 'symbol',
        source: 'labels',
        minzoom: 3,
        filter: ['any', ['!=', ['get', 'kind'], 'town'], ['>=', ['zoom'], 6]],
        layout: {
          'text-field': nameField(lang),
          'text-font': [LABEL_FONT],
          'text-size': ['match', ['get', 'kind'], 'country', 15, 'sea', 14, 12],
          'text-letter-spacing': ['match', ['get', 'kind'], 'country', 0.08, 0],
          'symbol-sort-key': ['-', 0, ['get', 'rank']],
        },
        paint: {
          'text-color': ['match', ['get', 'kind'], 'sea', '#4a6f8a', 'country', '#7a7a7a', '#555'],
          'text-halo-color': 'rgba(255,255,255,0.85)',
          'text-halo-width': 1.2,
        },
      },
      {
        id: 'story-places-labels',
        type: 'symbol',
        source: PLACES_SOURCE,
        layout: {
          'text-field': nameField(lang),
          'text-font': [LABEL_FONT],
          'text-size': ['interpolate', ['linear'], ['get', 'rank'], 0, 11, 3, 16],
          'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
          'text-radial-offset': 0.7,
          'symbol-sort-key': ['-', 0, ['get', 'rank']],
        },
        // The larger places a shade darker. A colour that varies by feature, as the basemap's labels'
        // does, also lets both label layers share one shader program (one less to compile at load).
        paint: { 'text-color': ['step', ['get', 'rank'], '#333', 2, '#1d1d1d'], 'text-halo-color': '#fff', 'text-halo-width': 1.6 },
      },
    ],
  };
}
