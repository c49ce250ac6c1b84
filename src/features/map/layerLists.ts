/**
 * The lists layers are built from, kept the same array while their content does not change.
 *
 * Scrubbing the timeline must cost the same with 100 features as with 100,000. The story's arrays
 * come straight from the store and keep their identity until a layer reloads, so deck.gl keeps their
 * GPU buffers and a step only changes filter ranges (uniforms). The few lists filtered on the CPU
 * are small (control areas, air bases) and keep their identity while their content does not change.
 */
import type { AirBaseFeature, ControlAreaFeature, StoryFeature } from '../../data/schema';
import { featureOpacity, frontLinesAt, type DrawnFrontLine } from '../../state/selectors';

/** Control areas in force on `day`; the same array as last time while the same areas are shown. */
const controlAreaCache = new WeakMap<ControlAreaFeature[], { key: string; shown: ControlAreaFeature[] }>();
export function shownControlAreas(all: ControlAreaFeature[], day: number): ControlAreaFeature[] {
  const shown: ControlAreaFeature[] = [];
  let key = '';
  all.forEach((f, i) => {
    if (featureOpacity(f, day) > 0) {
      shown.push(f);
      key += `${i},`;
    }
  });
  const cached = controlAreaCache.get(all);
  if (cached?.key === key) return cached.shown;
  controlAreaCache.set(all, { key, shown });
  return shown;
}

/** Air bases under attack: the same array as last time while the same bases are. */
let lastUnderAttack: AirBaseFeature[] = [];
export function sameBases(list: AirBaseFeature[]): AirBaseFeature[] {
  const same = list.length === lastUnderAttack.length && list.every((b, i) => b === lastUnderAttack[i]);
  if (!same) lastUnderAttack = list;
  return lastUnderAttack;
}

/**
 * The front lines as drawn on `day`: the same array as last time for the same features and day, so
 * a hover or a selection, which rebuilds the layers, does not rebuild the lines' geometry too.
 */
let lastFrontLines: { features: StoryFeature[]; day: number; lines: DrawnFrontLine[] } | null = null;
export function sameFrontLines(features: StoryFeature[], day: number): DrawnFrontLine[] {
  if (lastFrontLines?.features !== features || lastFrontLines.day !== day) lastFrontLines = { features, day, lines: frontLinesAt(features, day) };
  return lastFrontLines.lines;
}

const idIndexes = new WeakMap<StoryFeature[], Map<string, StoryFeature>>();
export function idIndex(list: StoryFeature[]): Map<string, StoryFeature> {
  let index = idIndexes.get(list);
  if (!index) idIndexes.set(list, (index = new Map(list.map((f) => [f.properties.id, f]))));
  return index;
}
