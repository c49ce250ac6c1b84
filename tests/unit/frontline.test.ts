import { describe, expect, it } from 'vitest';
import { lineAt, orientLike, resample, RESAMPLE_POINTS, type Position } from '../../src/data/frontline';

const april: Position[] = [[13.0, 32.70], [13.1, 32.72], [13.3, 32.70]];
const december: Position[] = [[13.0, 32.80], [13.15, 32.82], [13.3, 32.80]];
const snapshots = [
  { day: 100, coordinates: april },
  { day: 200, coordinates: december },
];

describe('front-line interpolation', () => {
  it('draws nothing before the first snapshot and holds the last one after it', () => {
    expect(lineAt(snapshots, 99)).toBeNull();
    expect(lineAt(snapshots, 100)).toEqual(april);
    expect(lineAt(snapshots, 500)).toEqual(december);
  });

  it('moves the line part of the way between snapshots, not in one jump', () => {
    const mid = lineAt(snapshots, 150)!;
    expect(mid).toHaveLength(RESAMPLE_POINTS);
    const midLat = mid[Math.floor(mid.length / 2)][1];
    expect(midLat).toBeGreaterThan(32.72);
    expect(midLat).toBeLessThan(32.82);
    const quarter = lineAt(snapshots, 125)!;
    expect(quarter[0][1]).toBeCloseTo(32.725, 5);
  });

  it('moves steadily: each later day is further north', () => {
    let previous = -Infinity;
    for (let day = 100; day <= 200; day += 10) {
      const lat = lineAt(snapshots, day)![0][1];
      expect(lat).toBeGreaterThanOrEqual(previous);
      previous = lat;
    }
  });

  it('resamples evenly along the line and keeps its ends', () => {
    const points = resample([[0, 0], [1, 0], [3, 0]], 7);
    expect(points[0]).toEqual([0, 0]);
    expect(points[6]).toEqual([3, 0]);
    const steps = points.slice(1).map((p, i) => p[0] - points[i][0]);
    for (const s of steps) expect(s).toBeCloseTo(0.5, 9);
  });

  it('blends lines drawn in opposite directions without twisting them', () => {
    const reversed = [...december].reverse();
    expect(orientLike(reversed, april)).toEqual(december);
    const mid = lineAt([{ day: 0, coordinates: april }, { day: 10, coordinates: reversed }], 5)!;
    expect(mid[0][0]).toBeCloseTo(13.0, 5);
  });
});
