/**
 * Moves a front line between dated snapshots. Both neighbouring snapshots are resampled to the same
 * number of points spaced evenly along their length, then each pair of points is blended, so the
 * line slides rather than jumps. Plain lon/lat arithmetic is enough for schematic lines a few tens
 * of kilometres long.
 */
export type Position = [number, number];

export interface Snapshot {
  day: number;
  coordinates: Position[];
}

export const RESAMPLE_POINTS = 96;

export function resample(line: Position[], count = RESAMPLE_POINTS): Position[] {
  const lengths = [0];
  for (let i = 1; i < line.length; i++) lengths.push(lengths[i - 1] + distance(line[i - 1], line[i]));
  const total = lengths[lengths.length - 1];
  if (total === 0) return Array.from({ length: count }, () => [...line[0]] as Position);
  const out: Position[] = [];
  let segment = 1;
  for (let k = 0; k < count; k++) {
    const target = (total * k) / (count - 1);
    while (segment < line.length - 1 && lengths[segment] < target) segment++;
    const span = lengths[segment] - lengths[segment - 1];
    const t = span === 0 ? 0 : (target - lengths[segment - 1]) / span;
    out.push(lerpPoint(line[segment - 1], line[segment], Math.min(1, Math.max(0, t))));
  }
  return out;
}

/** Reverses `line` if it was drawn the other way round from `reference`. */
export function orientLike(line: Position[], reference: Position[]): Position[] {
  const same = distance(line[0], reference[0]) + distance(line[line.length - 1], reference[reference.length - 1]);
  const flipped = distance(line[line.length - 1], reference[0]) + distance(line[0], reference[reference.length - 1]);
  return flipped < same ? [...line].reverse() : line;
}

/**
 * The line on `day`: none before the first snapshot, the last one after the last, a blend between.
 * `snapshots` must be sorted by day.
 */
export function lineAt(snapshots: Snapshot[], day: number): Position[] | null {
  if (snapshots.length === 0 || day < snapshots[0].day) return null;
  const last = snapshots[snapshots.length - 1];
  if (day >= last.day) return last.coordinates;
  let i = 0;
  while (snapshots[i + 1].day <= day) i++;
  const a = snapshots[i];
  const b = snapshots[i + 1];
  if (day === a.day) return a.coordinates;
  const t = (day - a.day) / (b.day - a.day);
  const from = resample(a.coordinates);
  const to = resample(orientLike(b.coordinates, a.coordinates));
  return from.map((p, k) => lerpPoint(p, to[k], t));
}

function lerpPoint(a: Position, b: Position, t: number): Position {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

function distance(a: Position, b: Position): number {
  // Longitude shrinks with latitude; the correction keeps spacing even on the ground.
  const dx = (a[0] - b[0]) * Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180));
  const dy = a[1] - b[1];
  return Math.hypot(dx, dy);
}
