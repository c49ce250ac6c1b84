/**
 * Handing deck.gl layers to the overlay before the basemap has loaded (src/features/map/handOver.ts).
 * The browser test tests/browser/first-draw.test.ts checks the effect with the real overlay; this
 * checks that the map's own answer is only bent for the hand-over and always put back.
 */
import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer } from '@deck.gl/core';
import { handOverLayers } from '../../src/features/map/handOver';

class FakeMap {
  sourcesLoaded = false;
  isStyleLoaded(): boolean {
    return this.sourcesLoaded;
  }
}

/** Records what the map said about its style while the overlay was being handed the layers. */
function fakeOverlay(map: FakeMap, fail = false) {
  const seen: boolean[] = [];
  const overlay = {
    setProps: ({ layers }: { layers: Layer[] }) => {
      seen.push(map.isStyleLoaded());
      if (fail) throw new Error(`refused ${layers.length} layers`);
    },
  };
  return { overlay: overlay as unknown as MapLibreOverlay, seen };
}

const LAYERS = [{ id: 'a' }, { id: 'b' }] as unknown as Layer[];
const handOver = (map: FakeMap, overlay: MapLibreOverlay, styleParsed: boolean) =>
  handOverLayers(map as unknown as MapLibreMap, overlay, LAYERS, styleParsed);

describe('handing layers to the overlay', () => {
  it('lets the overlay in once the style is parsed, though the sources are still loading', () => {
    const map = new FakeMap();
    const { overlay, seen } = fakeOverlay(map);
    handOver(map, overlay, true);
    expect(seen).toEqual([true]);
    expect(map.isStyleLoaded()).toBe(false);
    expect(Object.hasOwn(map, 'isStyleLoaded')).toBe(false);
  });

  it('leaves the answer alone before the style is parsed, and after everything has loaded', () => {
    const map = new FakeMap();
    const { overlay, seen } = fakeOverlay(map);
    handOver(map, overlay, false);
    map.sourcesLoaded = true;
    handOver(map, overlay, true);
    expect(seen).toEqual([false, true]);
    map.sourcesLoaded = false;
    expect(map.isStyleLoaded()).toBe(false);
  });

  it('puts the answer back when the overlay throws', () => {
    const map = new FakeMap();
    const { overlay } = fakeOverlay(map, true);
    expect(() => handOver(map, overlay, true)).toThrow('refused 2 layers');
    expect(map.isStyleLoaded()).toBe(false);
    expect(Object.hasOwn(map, 'isStyleLoaded')).toBe(false);
  });
});
