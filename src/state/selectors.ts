/** Pure questions about the loaded story at a given day. Shared by the map, the timeline and tests. */
import type { LayerLoad } from '../data/load';
import type { FrontLineFeature, LayerId, StoryFeature, StrikeFeature } from '../data/schema';
import { dayOfDate, opacityAt, spanOf } from '../data/time';
import { lineAt, type Position, type Snapshot } from '../data/frontline';

export type Layers = Partial<Record<LayerId, LayerLoad>>;

export function readyFeatures(layers: Layers, id: LayerId): StoryFeature[] {
  const load = layers[id];
  return load?.status === 'ready' ? load.features : [];
}

/** Every layer the story lists has finished loading: drawn, or failed and reported. */
export function layersSettled(config: { layers: readonly { id: LayerId }[] } | null, layers: Layers): boolean {
  return !!config && config.layers.every((l) => layers[l.id] !== undefined && layers[l.id]!.status !== 'loading');
}

export function allFeatures(layers: Layers): StoryFeature[] {
  return (Object.keys(layers) as LayerId[]).flatMap((id) => readyFeatures(layers, id));
}

/** Ids to features, built once per loaded set of layers: the details panel asks on every timeline step. */
const featureIndex = new WeakMap<Layers, Map<string, StoryFeature>>();

export function findFeature(layers: Layers, id: string | null): StoryFeature | undefined {
  if (!id) return undefined;
  let index = featureIndex.get(layers);
  if (!index) {
    index = new Map();
    for (const f of allFeatures(layers)) if (!index.has(f.properties.id)) index.set(f.properties.id, f);
    featureIndex.set(layers, index);
  }
  return index.get(id);
}

export interface TimelineMark {
  id: string;
  day: number;
  kind: 'strike' | 'event';
}

/** Every dated strike and event, in a stable order: by day, then by id. */
export function timelineMarks(layers: Layers): TimelineMark[] {
  const marks: TimelineMark[] = [];
  for (const f of [...readyFeatures(layers, 'strikes'), ...readyFeatures(layers, 'events')]) {
    const p = f.properties;
    if (p.kind === 'strike' || p.kind === 'event') marks.push({ id: p.id, day: dayOfDate(p.start), kind: p.kind });
  }
  return marks.sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function markDays(marks: TimelineMark[]): number[] {
  return [...new Set(marks.map((m) => m.day))].sort((a, b) => a - b);
}

export function nextMarkDay(days: number[], day: number): number | null {
  return days.find((d) => d > day) ?? null;
}

export function previousMarkDay(days: number[], day: number): number | null {
  for (let i = days.length - 1; i >= 0; i--) if (days[i] < day) return days[i];
  return null;
}

/** How strongly a feature shows on `day` (0 = not drawn). Places and bases always show. */
export function featureOpacity(f: StoryFeature, day: number): number {
  const p = f.properties;
  switch (p.kind) {
    case 'strike':
    case 'event': {
      const [start, end] = spanOf(p);
      return opacityAt(day, start, end);
    }
    case 'control-area': {
      const [start, end] = spanOf(p);
      return day >= start && day <= end ? 1 : 0;
    }
    case 'front-line':
      return 0; // drawn through frontLinesAt, never as a raw snapshot
    default:
      return 1;
  }
}

export interface DrawnFrontLine {
  line: string;
  /** The snapshot the reader is closest to; its text explains the drawn line. */
  nearest: FrontLineFeature;
  path: Position[];
}

export function frontLinesAt(features: StoryFeature[], day: number): DrawnFrontLine[] {
  const groups = new Map<string, FrontLineFeature[]>();
  for (const f of features) {
    if (f.properties.kind !== 'front-line') continue;
    const list = groups.get(f.properties.line) ?? [];
    list.push(f as FrontLineFeature);
    groups.set(f.properties.line, list);
  }
  const drawn: DrawnFrontLine[] = [];
  for (const [line, list] of groups) {
    const sorted = list
      .map((f) => ({ f, day: dayOfDate(f.properties.snapshot) }))
      .sort((a, b) => a.day - b.day);
    const snapshots: Snapshot[] = sorted.map(({ f, day }) => ({ day, coordinates: f.geometry.coordinates as Position[] }));
    const path = lineAt(snapshots, day);
    if (!path) continue;
    const nearest = sorted.reduce((best, s) => (Math.abs(s.day - day) < Math.abs(best.day - day) ? s : best)).f;
    drawn.push({ line, nearest, path });
  }
  return drawn;
}

/** Days after a strike during which the base it hit is shown as under attack. */
export const UNDER_ATTACK_DAYS = 14;

interface AttackSpans {
  /** First day of each strike on the base, ascending. */
  starts: number[];
  /** Latest last day "under attack" among the strikes up to the same index (a running maximum). */
  reach: number[];
}

/** Per base, its strikes' spans, built once per strikes array so that a timeline step is O(bases). */
const attackIndex = new WeakMap<StoryFeature[], Map<string, AttackSpans>>();

function attacksByBase(strikes: StoryFeature[]): Map<string, AttackSpans> {
  let index = attackIndex.get(strikes);
  if (index) return index;
  const spans = new Map<string, [number, number][]>();
  for (const f of strikes) {
    const p = f.properties as StrikeFeature['properties'];
    if (p.kind !== 'strike' || !p.target) continue;
    const [start, end] = spanOf(p);
    const list = spans.get(p.target) ?? [];
    list.push([start, end + UNDER_ATTACK_DAYS]);
    spans.set(p.target, list);
  }
  index = new Map();
  for (const [base, list] of spans) {
    list.sort((a, b) => a[0] - b[0]);
    let reach = -Infinity;
    index.set(base, {
      starts: list.map(([start]) => start),
      reach: list.map(([, until]) => (reach = Math.max(reach, until))),
    });
  }
  attackIndex.set(strikes, index);
  return index;
}

/** Bases hit by a strike that had started by `day` and ended no more than UNDER_ATTACK_DAYS before it. */
export function basesUnderAttack(strikes: StoryFeature[], day: number): Set<string> {
  const hit = new Set<string>();
  for (const [base, { starts, reach }] of attacksByBase(strikes)) {
    // The last strike that started on or before `day`; the running maximum says whether any of
    // the strikes up to it still reaches `day`.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= day) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && reach[lo - 1] >= day) hit.add(base);
  }
  return hit;
}
