/**
 * Turns raw JSON into checked story data, or into a list of problems that each name the file,
 * the feature and the field. Pure: the app and `npm run check:data` both call it.
 */
import type { z } from 'zod/mini';
import {
  layerFeatureSchemas,
  StoryConfig,
  type LayerId,
  type StoryFeature,
} from './schema';
import { dayOfDate, lastDayOfDate } from './time';
import { closeRings, isMiswound, rewindInPlace } from './geometry';
import type { DataProblem } from './problems';

export { formatProblem, type DataProblem } from './problems';

export interface LayerResult {
  features: StoryFeature[];
  /** The raw features the schema refused: check:data still cross-checks them. */
  rejected: unknown[];
  problems: DataProblem[];
  /** Features without geometry are skipped rather than rejected; the count is reported. */
  skippedNullGeometry: number;
  /** Polygons whose open rings were closed or whose rings were rewound: fixed, not rejected. */
  fixedGeometry: number;
}

/**
 * Biggest file a layer may be; beyond it the layer is refused before parsing. Room for about 100,000
 * events or strikes in one file (a compact feature is 300-500 bytes); every feature is still checked
 * against the schema, which takes the browser about a second per 50,000 (docs/performance.md).
 */
export const MAX_LAYER_BYTES = 60_000_000;

export function parseConfig(file: string, raw: unknown): { config?: StoryConfig; problems: DataProblem[] } {
  const result = StoryConfig.safeParse(raw);
  if (result.success) return { config: result.data, problems: [] };
  return { problems: zodProblems(file, undefined, result.error) };
}

export function parseLayer(file: string, layerId: LayerId, raw: unknown): LayerResult {
  const problems: DataProblem[] = [];
  const features: StoryFeature[] = [];
  const rejected: unknown[] = [];
  let skippedNullGeometry = 0;
  let fixedGeometry = 0;
  if (!isRecord(raw) || raw.type !== 'FeatureCollection' || !Array.isArray(raw.features)) {
    problems.push({
      file,
      field: 'type',
      message: 'expected a GeoJSON FeatureCollection with a features array',
      hint: 'the file must read { "type": "FeatureCollection", "features": [ ... ] }',
    });
    return { features, rejected, problems, skippedNullGeometry, fixedGeometry };
  }
  const schema = layerFeatureSchemas[layerId] as z.ZodMiniType<StoryFeature>;
  raw.features.forEach((item: unknown, index: number) => {
    const featureId = featureIdOf(item) ?? `#${index}`;
    if (isRecord(item) && item.geometry === null) {
      skippedNullGeometry++;
      return;
    }
    // An open ring is closed before the schema (which wants four positions a ring) sees it.
    const closedGeometry = isRecord(item) ? closeRings(item.geometry) : undefined;
    const closed = isRecord(item) && closedGeometry !== item.geometry ? { ...item, geometry: closedGeometry } : item;
    const result = schema.safeParse(closed);
    if (result.success) {
      const geometry = result.data.geometry;
      const miswound = isMiswound(geometry);
      if (miswound) rewindInPlace(geometry);
      if (miswound || closed !== item) fixedGeometry++;
      features.push(result.data);
    } else {
      rejected.push(item);
      problems.push(...zodProblems(file, featureId, result.error));
    }
  });
  return { features, rejected, problems, skippedNullGeometry, fixedGeometry };
}

/** A feature as crossCheck reads it: checked ones, or (in check:data) ones the schema rejected. */
export interface LooseFeature {
  geometry?: unknown;
  properties?: unknown;
}

/**
 * Checks that need every file at once: ids unique across the story, references to actors, weapons
 * and bases, paragraph numbers inside the article, dates inside the story's range and coordinates
 * inside its bounds. It reads its features defensively, so that `check:data` can also run it on the
 * features the schema rejected (`LayerResult.rejected`) and report every problem in one go.
 */
export function crossCheck(config: StoryConfig, layers: { file: string; features: readonly LooseFeature[] }[]): DataProblem[] {
  return locatedCrossCheck(config, layers).map(({ layer, index, ...problem }) => problem);
}

/** A cross-check problem with where its feature sits: `layers[layer].features[index]`. */
export interface LocatedProblem extends DataProblem {
  layer: number;
  index: number;
}

/** crossCheck, telling which feature each problem is about, so the app can leave out just that one. */
export function locatedCrossCheck(config: StoryConfig, layers: { file: string; features: readonly LooseFeature[] }[]): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  const actors = new Set(config.actors.map((a) => a.id));
  const weapons = new Set(config.weapons.map((w) => w.id));
  const seen = new Map<string, string>();
  const baseIds = new Set<string>();
  for (const { features } of layers)
    for (const f of features) {
      const p = recordOf(recordOf(f).properties);
      if (p.kind === 'air-base' && typeof p.id === 'string') baseIds.add(p.id);
    }

  const first = dayOfDate(config.range.contextStart);
  // The last day the story reaches: a range ending "2019-12" runs to 31 December, as on the slider.
  const last = lastDayOfDate(config.range.end);
  const [west, south, east, north] = config.bounds;
  const paragraphs = config.source.paragraphs;
  const actorHint = `add it to config.json actors, or use one of: ${listOf(actors)}`;
  const weaponHint = `add it to config.json weapons${weapons.size ? `, or use one of: ${listOf(weapons)}` : ''}`;
  const baseHint = `use the id of a feature in the air-bases layer${baseIds.size ? `: ${listOf(baseIds)}` : ''}`;
  const rangeHint = 'fix the date, or widen config.json range (contextStart to end)';

  layers.forEach(({ file, features }, layer) => {
    features.forEach((f, index) => {
      const p = recordOf(recordOf(f).properties);
      const id = typeof p.id === 'string' ? p.id : undefined;
      const at = (field: string, message: string, hint: string) => problems.push({ file, featureId: id, field, message, hint, layer, index });
      const known = (field: string, set: Set<string>, what: string, hint: string) => {
        const value = p[field];
        const list = Array.isArray(value) ? value : [value];
        list.forEach((v, i) => {
          if (typeof v === 'string' && !set.has(v)) at(Array.isArray(value) ? `${field}.${i}` : field, `unknown ${what} "${v}"`, hint);
        });
      };

      if (id !== undefined) {
        const earlier = seen.get(id);
        if (earlier) at('id', `duplicate id: also used in ${earlier}`, 'give every feature its own id');
        else seen.set(id, file);
      }
      known('claimedBy', actors, 'actor', actorHint);
      if (p.kind === 'strike') {
        known('attacker', actors, 'actor', actorHint);
        if (typeof p.target === 'string' && !baseIds.has(p.target)) at('target', `no air base with id "${p.target}"`, baseHint);
      }
      if (p.kind === 'event') known('actor', actors, 'actor', actorHint);
      if (p.kind === 'air-base') {
        known('operators', actors, 'actor', actorHint);
        known('aircraft', weapons, 'weapon', weaponHint);
      }
      const article = recordOf(p.sources).article;
      if (paragraphs !== undefined && Array.isArray(article))
        article.forEach((n, i) => {
          if (typeof n === 'number' && n > paragraphs)
            at(
              `sources.article.${i}`,
              `paragraph ${n} is beyond the article's ${paragraphs} paragraphs`,
              'paragraphs are numbered from 1 (the title) to config.json source.paragraphs',
            );
        });
      const days: Partial<Record<string, number>> = {};
      for (const field of ['start', 'end', 'snapshot']) {
        const value = p[field];
        // A cheap shape test, not the schema: the app runs this over every feature it loads.
        if (typeof value !== 'string' || !DATE_SHAPE.test(value)) continue;
        const day = (days[field] = dayOfDate(value));
        if (day < first || day > last)
          at(field, `${value} is outside the story (${config.range.contextStart} to ${config.range.end})`, rangeHint);
      }
      if (days.start !== undefined && days.end !== undefined && days.end < days.start)
        at('end', 'ends before it starts', 'start and end swapped?');
      const outside = pointOutside(recordOf(f).geometry, config.bounds);
      if (outside) {
        const [lon, lat] = outside;
        const swapped = lat >= west && lat <= east && lon >= south && lon <= north;
        at(
          'geometry',
          `point ${lon},${lat} is outside the story's bounds (${config.bounds.join(', ')})`,
          swapped
            ? 'lon/lat swapped? GeoJSON coordinates are [longitude, latitude]'
            : 'GeoJSON coordinates are [longitude, latitude]: check the point, or widen config.json bounds',
        );
      }
    });
  });
  return problems;
}

const DATE_SHAPE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
export const DATE_HINT = 'use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2019-12-20 (not 20/12/2019)';
const DATE_FIELDS = new Set(['start', 'end', 'snapshot', 'published', 'contextStart', 'initialDate']);

function zodProblems(file: string, featureId: string | undefined, error: z.core.$ZodError): DataProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.filter((k) => k !== 'properties').join('.') || undefined;
    return { file, featureId, field, message: issue.message, hint: hintForIssue(issue, field ?? '') };
  });
}

/** A hint for each kind of schema problem, from the issue and the field it is about. */
function hintForIssue(issue: z.core.$ZodIssue, field: string): string | undefined {
  const last = field.split('.').pop() ?? '';
  const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
  if (last === 'ar' || last === 'en')
    return missing || issue.code === 'too_small'
      ? 'every text needs both languages: { "ar": "...", "en": "..." }, neither empty'
      : 'write the text as a string';
  if (field === 'sources' && issue.code === 'custom')
    return 'list the article paragraphs in sources.article, or set sources.generalKnowledge: true and say what in sources.note';
  if (DATE_FIELDS.has(last) && !missing)
    return issue.message === 'not a real calendar date' ? 'check the month (01-12) and that the day exists in that month' : DATE_HINT;
  if (field.startsWith('geometry') || last === 'center')
    return issue.code === 'invalid_value'
      ? `this layer holds ${issue.values.join(' or ')} geometries`
      : 'coordinates are [longitude, latitude] numbers, e.g. [13.19, 32.89]';
  if (missing) return `add the required field "${last}"`;
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'a whole number, e.g. 3';
  if (issue.code === 'invalid_type')
    return issue.expected === 'number' ? 'write the number without quotes' : `expected ${issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`;
  if (issue.code === 'invalid_value') return `use one of: ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'invalid_format' && last === 'id') return 'lower-case letters, digits and dashes, e.g. strike-misrata-2019-12-20';
  if (issue.code === 'invalid_format' && last === 'color') return 'a colour as #rrggbb, e.g. #0072b2';
  if (issue.code === 'too_small') return `at least ${String(issue.minimum)}${issue.origin === 'array' ? ' item(s)' : ''}`;
  if (issue.code === 'too_big') return `at most ${String(issue.maximum)}${issue.origin === 'array' ? ' item(s)' : ''}`;
  return undefined;
}

function listOf(ids: Iterable<string>, max = 8): string {
  const all = [...ids];
  return all.length > max ? `${all.slice(0, max).join(', ')}, ...` : all.join(', ');
}

function featureIdOf(item: unknown): string | undefined {
  if (!isRecord(item) || !isRecord(item.properties)) return undefined;
  const id = item.properties.id;
  return typeof id === 'string' ? id.slice(0, 80) : undefined;
}

export function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function recordOf(value: unknown): Record<string, any> {
  return isRecord(value) ? value : {};
}

/** The geometry's first position outside [west, south, east, north], if any. */
function pointOutside(geometry: unknown, bounds: readonly number[]): [number, number] | undefined {
  const [west, south, east, north] = bounds;
  // A plain recursion rather than a generator: the app runs this over every point it loads.
  const walk = (c: unknown): [number, number] | undefined => {
    if (!Array.isArray(c)) return undefined;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      const [lon, lat] = c;
      return lon < west || lon > east || lat < south || lat > north ? [lon, lat] : undefined;
    }
    for (const inner of c) {
      const found = walk(inner);
      if (found) return found;
    }
    return undefined;
  };
  return walk(recordOf(geometry).coordinates);
}
