/**
 * Rings around the features a chapter talks about. Drawn by MapLibre as two circle layers (a dark
 * halo under a bright ring, legible on land, sea and control areas alike) just beneath the place
 * labels, so story mode needs nothing from the deck.gl layer factories.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { AppState } from '../../state/store';
import { findFeature, featureOpacity } from '../../state/selectors';
import { LAYER_OF_KIND } from '../../data/story-check';

export const RING_SOURCE = 'story-highlight';
export const RING_LAYER = 'story-highlight';
export const RING_HALO_LAYER = 'story-highlight-halo';
/** The ring's colour (also drawn in the exported image's legend and checked by the browser tests). */
export const RING_COLOR = '#ffc400';
export const RING_HALO_COLOR = '#1b1b1b';
export const RING_RADIUS = 21;

/** The points to ring: highlighted features that are drawn now (their layer on, their date reached). */
export function ringPoints(state: Pick<AppState, 'highlightIds' | 'layers' | 'visible' | 'day'>): [number, number][] {
  const points: [number, number][] = [];
  for (const id of state.highlightIds) {
    const f = findFeature(state.layers, id);
    if (!f || f.geometry.type !== 'Point') continue;
    const layer = LAYER_OF_KIND[f.properties.kind];
    if (layer && !state.visible[layer]) continue;
    if (featureOpacity(f, state.day) <= 0) continue;
    points.push(f.geometry.coordinates as [number, number]);
  }
  return points;
}

/** Puts the rings on the map, adding the source and layers the first time. */
export function setRings(map: MapLibreMap, points: [number, number][]): void {
  const data = {
    type: 'FeatureCollection' as const,
    features: points.map((coordinates) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates }, properties: {} })),
  };
  const apply = () => {
    const source = map.getSource(RING_SOURCE) as GeoJSONSource | undefined;
    if (source) return void source.setData(data);
    if (!points.length) return;
    map.addSource(RING_SOURCE, { type: 'geojson', data });
    const before = map.getLayer('basemap-labels') ? 'basemap-labels' : undefined;
    const ring = (id: string, color: string, width: number, radius: number, opacity: number) =>
      map.addLayer(
        {
          id,
          type: 'circle',
          source: RING_SOURCE,
          paint: {
            'circle-radius': radius,
            'circle-opacity': 0,
            'circle-stroke-color': color,
            'circle-stroke-width': width,
            'circle-stroke-opacity': opacity,
          },
        },
        before,
      );
    ring(RING_HALO_LAYER, RING_HALO_COLOR, 8, RING_RADIUS - 1, 0.85);
    ring(RING_LAYER, RING_COLOR, 4, RING_RADIUS + 1, 1);
  };
  try {
    apply();
  } catch {
    // The style is still loading: try again once it has.
    map.once('idle', () => setRings(map, points));
  }
}
