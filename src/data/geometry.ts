/**
 * Polygon repairs that cost an author nothing to get wrong: a ring left open is closed, and rings
 * wound the wrong way round are turned (outer rings counter-clockwise, holes clockwise, as RFC 7946
 * asks). Both are fixed, not rejected; the caller counts the features it fixed.
 */
import { booleanClockwise, rewind } from '@turf/turf';

type Ring = [number, number][];

/**
 * Closes every open ring of a raw (unchecked) Polygon or MultiPolygon, before the schema sees it:
 * an open triangle has three positions and the schema asks for four. Returns a new geometry when it
 * changed anything, else the same one.
 */
export function closeRings(geometry: unknown): unknown {
  if (!isRecord(geometry) || !Array.isArray(geometry.coordinates)) return geometry;
  let changed = false;
  const closeRing = (ring: unknown): unknown => {
    if (!Array.isArray(ring) || ring.length < 3) return ring;
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (!isPosition(first) || !isPosition(last) || (first[0] === last[0] && first[1] === last[1])) return ring;
    changed = true;
    return [...ring, [first[0], first[1]]];
  };
  const closePolygon = (rings: unknown): unknown => (Array.isArray(rings) ? rings.map(closeRing) : rings);
  let coordinates: unknown;
  if (geometry.type === 'Polygon') coordinates = closePolygon(geometry.coordinates);
  else if (geometry.type === 'MultiPolygon') coordinates = geometry.coordinates.map(closePolygon);
  else return geometry;
  return changed ? { ...geometry, coordinates } : geometry;
}

/** Whether any ring of a checked polygon is wound the wrong way. */
export function isMiswound(geometry: { type: string; coordinates: unknown }): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates as Ring[]] : geometry.type === 'MultiPolygon' ? (geometry.coordinates as Ring[][]) : [];
  return polygons.some((rings) => rings.some((ring, i) => booleanClockwise(ring) !== (i > 0)));
}

/** Winds a checked polygon's rings the RFC 7946 way, in place. */
export function rewindInPlace<G extends { type: string; coordinates: unknown }>(geometry: G): G {
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') rewind(geometry as any, { mutate: true });
  return geometry;
}

function isPosition(value: unknown): value is [number, number] {
  return Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number';
}

function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
