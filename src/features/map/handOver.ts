import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer } from '@deck.gl/core';

/**
 * Hands deck.gl layers to the interleaved overlay.
 *
 * The overlay adds its layers to the map's style only once every source of the style has loaded
 * (MapLibre's `isStyleLoaded`), and drops them until then, although MapLibre takes new layers as soon
 * as the style itself is parsed (`style.load`). Left to itself, the overlay drew the story only
 * after the basemap had loaded and the map had gone idle once: a second, serial wait for deck.gl's
 * shaders. With `styleParsed` set, the overlay is let in from that moment, so the story's shaders
 * compile while the basemap is still on its way, beneath the labels from the start.
 */
export function handOverLayers(map: MapLibreMap, overlay: MapLibreOverlay, layers: Layer[], styleParsed: boolean): void {
  const gate = map as unknown as { isStyleLoaded(): boolean };
  const early = styleParsed && !gate.isStyleLoaded();
  if (early) gate.isStyleLoaded = () => true;
  try {
    overlay.setProps({ layers });
  } finally {
    if (early) delete (gate as Partial<typeof gate>).isStyleLoaded;
  }
}
