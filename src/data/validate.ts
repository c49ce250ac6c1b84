/**
 * Turns raw JSON into checked story data, or into a list of problems that each name the file,
 * the feature and the field. Pure: the app and `npm run check:data` both call it.
 */
import type { z } from 'zod';
import {
  layerFeatureSchemas,
  StoryConfig,
  type LayerId,
  type StoryFeature,
} from './schema';
import { dayOfDate } from './time';

export interface DataProblem {
  file: string;
  featureId?: string;
  field?: string;
  message: string;
}

export interface LayerResult {
  features: StoryFeature[];
  problems: DataProblem[];
  /** Features without geometry are skipped rather than rejected; the count is reported. */
  skippedNullGeometry: number;
}

/** Biggest file a layer may be; beyond it the layer is refused before parsing. */
export const MAX_LAYER_BYTES = 5_000_000;

export function parseConfig(file: string, raw: unknown): { config?: StoryConfig; problems: DataProblem[] } {
  const result = StoryConfig.safeParse(raw);
  if (result.success) return { config: result.data, problems: [] };
  return { problems: zodProblems(file, undefined, result.error) };
}

export function parseLayer(file: string, layerId: LayerId, raw: unknown): LayerResult {
  const problems: DataProblem[] = [];
  const features: StoryFeature[] = [];
  let skippedNullGeometry = 0;
  if (!isRecord(raw) || raw.type !== 'FeatureCollection' || !Array.isArray(raw.features)) {
    problems.push({ file, field: 'type', message: 'expected a GeoJSON FeatureCollection with a features array' });
    return { features, problems, skippedNullGeometry };
  }
  const schema = layerFeatureSchemas[layerId] as z.ZodType<StoryFeature>;
  raw.features.forEach((item: unknown, index: number) => {
    const featureId = featureIdOf(item) ?? `#${index}`;
    if (isRecord(item) && item.geometry === null) {
      skippedNullGeometry++;
      return;
    }
    const result = schema.safeParse(item);
    if (result.success) features.push(result.data);
    else problems.push(...zodProblems(file, featureId, result.error));
  });
  return { features, problems, skippedNullGeometry };
}

/**
 * Checks that need every file at once: ids unique across the story, references to actors, weapons
 * and bases, dates inside the story's range and coordinates inside its bounds.
 */
export function crossCheck(
  config: StoryConfig,
  layers: { file: string; features: StoryFeature[] }[],
): DataProblem[] {
  const problems: DataProblem[] = [];
  const actors = new Set(config.actors.map((a) => a.id));
  const weapons = new Set(config.weapons.map((w) => w.id));
  const seen = new Map<string, string>();
  const baseIds = new Set<string>();
  for (const { features } of layers)
    for (const f of features) if (f.properties.kind === 'air-base') baseIds.add(f.properties.id);

  const first = dayOfDate(config.range.contextStart);
  const last = dayOfDate(config.range.end);
  const [west, south, east, north] = config.bounds;

  for (const { file, features } of layers) {
    for (const f of features) {
      const p = f.properties;
      const at = (field: string, message: string) => problems.push({ file, featureId: p.id, field, message });
      const earlier = seen.get(p.id);
      if (earlier) at('id', `duplicate id: also used in ${earlier}`);
      else seen.set(p.id, file);

      if (p.claimedBy && !actors.has(p.claimedBy)) at('claimedBy', `unknown actor "${p.claimedBy}"`);
      if (p.kind === 'strike') {
        if (!actors.has(p.attacker)) at('attacker', `unknown actor "${p.attacker}"`);
        if (p.target && !baseIds.has(p.target)) at('target', `no air base with id "${p.target}"`);
      }
      if (p.kind === 'event' && !actors.has(p.actor)) at('actor', `unknown actor "${p.actor}"`);
      if (p.kind === 'air-base') {
        p.operators.forEach((o, i) => actors.has(o) || at(`operators.${i}`, `unknown actor "${o}"`));
        p.aircraft.forEach((w, i) => weapons.has(w) || at(`aircraft.${i}`, `unknown weapon "${w}"`));
      }
      for (const field of ['start', 'end', 'snapshot'] as const) {
        const value = (p as Record<string, unknown>)[field];
        if (typeof value !== 'string') continue;
        const day = dayOfDate(value);
        if (day < first || day > last)
          at(field, `${value} is outside the story (${config.range.contextStart} to ${config.range.end})`);
      }
      if ('end' in p && p.end && dayOfDate(p.end) < dayOfDate(p.start)) at('end', 'ends before it starts');
      for (const [lon, lat] of coordinatesOf(f.geometry)) {
        if (lon < west || lon > east || lat < south || lat > north) {
          at('geometry', `point ${lon},${lat} is outside the story's bounds (lon/lat swapped?)`);
          break;
        }
      }
    }
  }
  return problems;
}

export function formatProblem(p: DataProblem): string {
  const where = [p.file, p.featureId && `feature "${p.featureId}"`, p.field && `field "${p.field}"`]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${p.message}`;
}

function zodProblems(file: string, featureId: string | undefined, error: z.ZodError): DataProblem[] {
  return error.issues.map((issue) => ({
    file,
    featureId,
    field: issue.path.filter((k) => k !== 'properties').join('.') || undefined,
    message: issue.message,
  }));
}

function featureIdOf(item: unknown): string | undefined {
  if (!isRecord(item) || !isRecord(item.properties)) return undefined;
  const id = item.properties.id;
  return typeof id === 'string' ? id.slice(0, 80) : undefined;
}

function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function* coordinatesOf(geometry: StoryFeature['geometry']): Generator<[number, number]> {
  const walk = function* (c: unknown): Generator<[number, number]> {
    if (Array.isArray(c) && typeof c[0] === 'number') yield c as [number, number];
    else if (Array.isArray(c)) for (const inner of c) yield* walk(inner);
  };
  yield* walk(geometry.coordinates);
}
