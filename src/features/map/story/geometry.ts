/**
 * The story's features as the instances StoryLayer draws: pure functions, no GPU.
 *
 * Every kind of drawing shares one vertex layout, so the browser compiles one program for the whole
 * story (see docs/performance.md, "One program of our own"). An instance is a filled triangle, a
 * line segment, a circle or a symbol; the vertex shader makes each one a quad (or a triangle) of
 * four vertices from gl_VertexID. Positions are Web Mercator world units (512 around the equator,
 * y northwards) relative to ORIGIN, so 32-bit floats keep them exact at every zoom the map allows.
 */
import { earcut } from '@math.gl/polygon';
// deck.gl's own projection to its world coordinates (the space of its view matrices).
import { lngLatToWorld } from '@math.gl/web-mercator';
import type { Position } from 'geojson';
import type { RGBA } from '../colors';

export const KIND = { fill: 0, segment: 1, circle: 2, icon: 3 } as const;

/** Tripoli: positions go to the GPU relative to it. */
export const ORIGIN = lngLatToWorld([13.2, 32.8]) as [number, number];

/** The per-instance arrays, one entry per instance (times the attribute's size). */
export interface StoryGeometry {
  count: number;
  /** Point; segment start; triangle's first corner. */
  a: Float32Array;
  /** Segment end; triangle's second corner. */
  b: Float32Array;
  /** Triangle's third corner; a segment's distance along its line at `a` (x); a symbol's atlas cell. */
  c: Float32Array;
  /** [first day, last day], for the time filter. */
  spans: Float32Array;
  fillColors: Uint8Array;
  lineColors: Uint8Array;
  /** [kind, size in pixels]: a segment's width, a circle's radius, a symbol's height. */
  style: Float32Array;
  /** The index of the feature in the layer's data, which picking returns. */
  pickIndex: Float32Array;
}

/** Each attribute's values per instance and its format on the GPU: colours are bytes, the rest floats. */
export const ATTRIBUTES = {
  a: { size: 2, format: 'float32x2' },
  b: { size: 2, format: 'float32x2' },
  c: { size: 2, format: 'float32x2' },
  spans: { size: 2, format: 'float32x2' },
  fillColors: { size: 4, format: 'unorm8x4' },
  lineColors: { size: 4, format: 'unorm8x4' },
  style: { size: 2, format: 'float32x2' },
  pickIndex: { size: 1, format: 'float32' },
} as const;
export type AttributeName = keyof typeof ATTRIBUTES;

const NO_SPAN: [number, number] = [0, 0];
const CLEAR: RGBA = [0, 0, 0, 0];

/** Appends instances, growing its arrays as needed. */
class GeometryWriter {
  private count = 0;
  private capacity: number;
  private arrays: Record<AttributeName, Float32Array | Uint8Array>;

  constructor(expected: number) {
    this.capacity = Math.max(16, expected);
    this.arrays = allocate(this.capacity);
  }

  add(kind: number, size: number, index: number, span: [number, number], fill: RGBA, line: RGBA, a: number[], b: number[] = a, c: number[] = NO_SPAN): void {
    if (this.count === this.capacity) this.grow();
    const i = this.count++;
    const { arrays } = this;
    arrays.a.set(a, i * 2);
    arrays.b.set(b, i * 2);
    arrays.c.set(c, i * 2);
    arrays.spans[i * 2] = span[0];
    arrays.spans[i * 2 + 1] = span[1];
    arrays.fillColors.set(fill, i * 4);
    arrays.lineColors.set(line, i * 4);
    arrays.style[i * 2] = kind;
    arrays.style[i * 2 + 1] = size;
    arrays.pickIndex[i] = index;
  }

  private grow(): void {
    const bigger = allocate((this.capacity *= 2));
    for (const name of Object.keys(bigger) as AttributeName[]) bigger[name].set(this.arrays[name]);
    this.arrays = bigger;
  }

  finish(): StoryGeometry {
    const { count, arrays } = this;
    const trimmed = Object.fromEntries(
      Object.entries(arrays).map(([name, array]) => [name, array.slice(0, count * ATTRIBUTES[name as AttributeName].size)]),
    );
    return { count, ...(trimmed as Omit<StoryGeometry, 'count'>) };
  }
}

function allocate(capacity: number): Record<AttributeName, Float32Array | Uint8Array> {
  return Object.fromEntries(
    Object.entries(ATTRIBUTES).map(([name, { size, format }]) => [name, format.startsWith('unorm8') ? new Uint8Array(capacity * size) : new Float32Array(capacity * size)]),
  ) as Record<AttributeName, Float32Array | Uint8Array>;
}

function relative(p: Position): number[] {
  const [x, y] = lngLatToWorld(p);
  return [x - ORIGIN[0], y - ORIGIN[1]];
}

export interface PointStyle<T> {
  kind: typeof KIND.circle | typeof KIND.icon;
  position: (d: T) => Position;
  /** Radius of a circle, height of a symbol, in pixels. */
  size: (d: T) => number;
  fill: (d: T) => RGBA;
  /** A circle's outline; unused by symbols. */
  line?: (d: T) => RGBA;
  span?: (d: T) => [number, number];
  /** A symbol's [column, row] in the atlas. */
  cell?: (d: T) => [number, number];
}

/** One circle or symbol per feature. */
export function pointGeometry<T>(data: readonly T[], style: PointStyle<T>): StoryGeometry {
  const out = new GeometryWriter(data.length);
  data.forEach((d, i) => {
    const at = relative(style.position(d));
    out.add(style.kind, style.size(d), i, style.span?.(d) ?? NO_SPAN, style.fill(d), style.line?.(d) ?? CLEAR, at, at, style.cell?.(d) ?? NO_SPAN);
  });
  return out.finish();
}

export interface LineStyle<T> {
  /** Each line of the feature; a closed one (a ring) comes back to its first point. */
  lines: (d: T) => Position[][];
  width: (d: T) => number;
  color: (d: T) => RGBA;
  span?: (d: T) => [number, number];
}

/**
 * One segment per pair of consecutive points. Each carries the distance along its line to its start,
 * so that dashes run on across the joins.
 */
export function lineGeometry<T>(data: readonly T[], style: LineStyle<T>): StoryGeometry {
  const out = new GeometryWriter(data.length * 8);
  data.forEach((d, i) => addLines(out, style.lines(d), i, style.width(d), style.color(d), style.span?.(d) ?? NO_SPAN));
  return out.finish();
}

function addLines(out: GeometryWriter, lines: Position[][], index: number, width: number, color: RGBA, span: [number, number]): void {
  for (const line of lines) {
    let along = 0;
    for (let k = 1; k < line.length; k++) {
      const [a, b] = [relative(line[k - 1]), relative(line[k])];
      const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (length === 0) continue;
      out.add(KIND.segment, width, index, span, CLEAR, color, a, b, [along, 0]);
      along += length;
    }
  }
}

export interface AreaStyle<T> {
  /** Polygons, each its outer ring followed by its holes. */
  polygons: (d: T) => Position[][][];
  fill: (d: T) => RGBA;
  outline: (d: T) => RGBA;
  outlineWidth: number;
}

/** Filled areas, cut into triangles, with their outlines drawn over them. */
export function areaGeometry<T>(data: readonly T[], style: AreaStyle<T>): StoryGeometry {
  const out = new GeometryWriter(data.length * 64);
  data.forEach((d, i) => {
    const fill = style.fill(d);
    for (const rings of style.polygons(d)) {
      const flat: number[] = [];
      const holes: number[] = [];
      rings.forEach((ring, r) => {
        if (r > 0) holes.push(flat.length / 2);
        for (const p of ring) flat.push(...relative(p));
      });
      const triangles = earcut(flat, holes.length ? holes : undefined, 2);
      const corner = (t: number) => [flat[t * 2], flat[t * 2 + 1]];
      for (let t = 0; t < triangles.length; t += 3)
        out.add(KIND.fill, 0, i, NO_SPAN, fill, CLEAR, corner(triangles[t]), corner(triangles[t + 1]), corner(triangles[t + 2]));
    }
  });
  data.forEach((d, i) => addLines(out, style.polygons(d).flat(), i, style.outlineWidth, style.outline(d), NO_SPAN));
  return out.finish();
}
