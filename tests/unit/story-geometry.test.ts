/** The instances the story's one program draws (src/features/map/story/geometry.ts). */
import { describe, expect, it } from 'vitest';
import { lngLatToWorld } from '@math.gl/web-mercator';
import { areaGeometry, KIND, lineGeometry, ORIGIN, pointGeometry, type StoryGeometry } from '../../src/features/map/story/geometry';
import type { RGBA } from '../../src/features/map/colors';

const RED: RGBA = [255, 0, 0, 255];
const pair = (array: Float32Array, i: number) => [array[i * 2], array[i * 2 + 1]];
const world = (lng: number, lat: number) => {
  const [x, y] = lngLatToWorld([lng, lat]);
  return [x - ORIGIN[0], y - ORIGIN[1]];
};

describe('lngLatToWorld', () => {
  it("matches deck.gl's world: 512 units around the equator, y northwards", () => {
    expect(lngLatToWorld([0, 0])).toEqual([256, 256]);
    expect(lngLatToWorld([180, 0])[0]).toBe(512);
    expect(lngLatToWorld([-180, 0])[0]).toBe(0);
    expect(lngLatToWorld([13.2, 32.8])[1]).toBeGreaterThan(256);
    // Web Mercator's top edge.
    expect(lngLatToWorld([0, 85.0511287798])[1]).toBeCloseTo(512, 4);
  });
});

describe('pointGeometry', () => {
  it('gives each feature one instance, with its index, kind, size, span and colours', () => {
    const data = Array.from({ length: 40 }, (_, i) => ({ at: [13 + i * 0.01, 32.5], size: i, day: 18000 + i }));
    const g = pointGeometry(data, {
      kind: KIND.icon,
      position: (d) => d.at,
      size: (d) => d.size,
      fill: () => RED,
      span: (d) => [d.day, d.day + 1],
      cell: (d) => [d.size % 8, 1],
    });
    expect(g.count).toBe(40);
    for (const i of [0, 17, 39]) {
      expect(g.pickIndex[i]).toBe(i);
      expect(pair(g.style, i)).toEqual([KIND.icon, i]);
      expect(pair(g.spans, i)).toEqual([18000 + i, 18001 + i]);
      expect(pair(g.c, i)).toEqual([i % 8, 1]);
      expect(pair(g.a, i)[0]).toBeCloseTo(world(13 + i * 0.01, 32.5)[0], 5);
      expect([...g.fillColors.subarray(i * 4, i * 4 + 4)]).toEqual(RED);
    }
    // Every array holds exactly `count` instances.
    expect(g.a.length).toBe(80);
    expect(g.fillColors.length).toBe(160);
  });

  it('is empty for no features', () => {
    const g = pointGeometry([], { kind: KIND.circle, position: () => [0, 0], size: () => 1, fill: () => RED });
    expect(g.count).toBe(0);
    expect(g.pickIndex.length).toBe(0);
  });
});

describe('lineGeometry', () => {
  it('cuts lines into segments that carry the distance along the line to their start', () => {
    const data = [{ lines: [[[13, 32], [13.1, 32], [13.1, 32], [13.1, 32.2]], [[14, 33], [14.5, 33]]] }];
    const g = lineGeometry(data, { lines: (d) => d.lines, width: () => 3.5, color: () => RED });
    // A repeated point makes no segment.
    expect(g.count).toBe(3);
    expect(pair(g.style, 0)).toEqual([KIND.segment, 3.5]);
    const length = (i: number) => Math.hypot(g.b[i * 2] - g.a[i * 2], g.b[i * 2 + 1] - g.a[i * 2 + 1]);
    expect(g.c[0]).toBe(0);
    expect(g.c[2]).toBeCloseTo(length(0), 5);
    // A new line starts its dashes again.
    expect(g.c[4]).toBe(0);
    expect([...g.pickIndex]).toEqual([0, 0, 0]);
    expect([...g.lineColors.subarray(0, 4)]).toEqual(RED);
  });
});

describe('areaGeometry', () => {
  /** Area of the triangles, in world units squared. */
  const filledArea = (g: StoryGeometry) => {
    let sum = 0;
    for (let i = 0; i < g.count; i++) {
      if (g.style[i * 2] !== KIND.fill) continue;
      const [ax, ay, bx, by, cx, cy] = [...pair(g.a, i), ...pair(g.b, i), ...pair(g.c, i)];
      sum += Math.abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2;
    }
    return sum;
  };
  const square = (w: number, s: number, e: number, n: number) => [[w, s], [e, s], [e, n], [w, n], [w, s]];
  const box = (w: number, s: number, e: number, n: number) => {
    const [x0, y0] = world(w, s);
    const [x1, y1] = world(e, n);
    return (x1 - x0) * (y1 - y0);
  };

  it('fills a polygon less its hole, and outlines both rings', () => {
    const data = [{ rings: [square(13, 32, 14, 33), square(13.25, 32.25, 13.75, 32.75)] }];
    const g = areaGeometry(data, { polygons: (d) => [d.rings], fill: () => RED, outline: () => RED, outlineWidth: 1.5 });
    const kinds = Array.from({ length: g.count }, (_, i) => g.style[i * 2]);
    expect(kinds.filter((k) => k === KIND.segment)).toHaveLength(8);
    // Outlines come after every fill, so they are drawn over them.
    expect(kinds.indexOf(KIND.segment)).toBe(kinds.lastIndexOf(KIND.fill) + 1);
    expect(filledArea(g)).toBeCloseTo(box(13, 32, 14, 33) - box(13.25, 32.25, 13.75, 32.75), 6);
  });

  it('fills every polygon of a multipolygon, each with its own feature index', () => {
    const data = [{ polygons: [[square(13, 32, 13.5, 32.5)], [square(14, 32, 14.5, 32.5)]] }, { polygons: [[square(15, 32, 15.2, 32.2)]] }];
    const g = areaGeometry(data, { polygons: (d) => d.polygons, fill: () => RED, outline: () => RED, outlineWidth: 1 });
    expect(filledArea(g)).toBeCloseTo(box(13, 32, 13.5, 32.5) + box(14, 32, 14.5, 32.5) + box(15, 32, 15.2, 32.2), 6);
    const indices = new Set(Array.from(g.pickIndex));
    expect(indices).toEqual(new Set([0, 1]));
  });
});
