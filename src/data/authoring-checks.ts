/**
 * Checks that `npm run check:data` runs and the app does not: mistakes inside config.json that the
 * app tolerates, and story.json's references to features and dates. validate.ts holds what the app
 * runs when it loads a story.
 */
import { PartialDate, type StoryConfig } from './schema';
import { dayOfDate } from './time';
import { DATE_HINT, isRecord, type DataProblem } from './validate';

/**
 * Checks inside config.json that its schema cannot express: the range in order, the landing date
 * and the view inside the story, ids unique. The app tolerates these; `check:data` reports them.
 */
export function checkConfig(file: string, config: StoryConfig): DataProblem[] {
  const problems: DataProblem[] = [];
  const at = (field: string, message: string, hint: string) => problems.push({ file, field, message, hint });
  const { contextStart, start, end } = config.range;
  if (dayOfDate(contextStart) > dayOfDate(start))
    at('range.contextStart', `${contextStart} is after range.start (${start})`, 'contextStart is the earliest date the slider reaches; put it on or before start');
  if (dayOfDate(start) > dayOfDate(end)) at('range.end', `${end} is before range.start (${start})`, 'start and end swapped?');
  const initial = dayOfDate(config.initialDate);
  if (initial < dayOfDate(contextStart) || initial > dayOfDate(end))
    at('initialDate', `${config.initialDate} is outside the story (${contextStart} to ${end})`, 'use a date between range.contextStart and range.end');
  const [west, south, east, north] = config.bounds;
  if (west >= east || south >= north)
    at('bounds', `[${config.bounds.join(', ')}] is not [west, south, east, north]`, 'write bounds as [west, south, east, north], e.g. [8, 18, 34, 42]');
  const [lon, lat] = config.view.center;
  if (lon < west || lon > east || lat < south || lat > north)
    at('view.center', `${lon},${lat} is outside bounds`, 'lon/lat swapped? view.center is [longitude, latitude]');
  const unique = (field: string, values: string[], hint: string) => {
    const seen = new Set<string>();
    values.forEach((v, i) => {
      if (seen.has(v)) at(`${field}.${i}`, `"${v}" is listed twice`, hint);
      seen.add(v);
    });
  };
  unique('actors', config.actors.map((a) => a.id), 'give every actor its own id');
  unique('weapons', config.weapons.map((w) => w.id), 'give every weapon its own id');
  unique('layers', config.layers.map((l) => l.id), 'each layer may appear once; put all its features in one file');
  return problems;
}

/** Fields of a chapter in story.json that name features of the story. */
const CHAPTER_FEATURE_FIELDS = ['feature', 'features', 'featureId', 'featureIds', 'select', 'selected', 'selectedId', 'highlight', 'highlights'];
const CHAPTER_DATE_FIELDS = ['date', 'start', 'end'];

/**
 * An optional story.json (chapters that walk a reader through the story) may only point at
 * features and dates that exist. Its format belongs to the chapters feature, so this reads it
 * leniently: `chapters` must be an array of objects; any of CHAPTER_FEATURE_FIELDS (an id or a list
 * of ids) must name a feature, and any of CHAPTER_DATE_FIELDS must be a date inside the story.
 */
export function checkStoryChapters(
  file: string,
  raw: unknown,
  config: StoryConfig,
  featureIds: ReadonlySet<string>,
): DataProblem[] {
  const problems: DataProblem[] = [];
  const chapters = isRecord(raw) ? raw.chapters : undefined;
  if (!Array.isArray(chapters)) {
    problems.push({ file, field: 'chapters', message: 'expected an object with a chapters array', hint: 'the file must read { "chapters": [ { "id": "...", ... } ] }' });
    return problems;
  }
  const first = dayOfDate(config.range.contextStart);
  const last = dayOfDate(config.range.end);
  const seen = new Set<string>();
  chapters.forEach((chapter: unknown, index: number) => {
    const where = `chapters.${index}`;
    if (!isRecord(chapter)) {
      problems.push({ file, field: where, message: 'a chapter must be an object', hint: 'write each chapter as { "id": "...", ... }' });
      return;
    }
    const id = typeof chapter.id === 'string' ? chapter.id : undefined;
    const at = (field: string, message: string, hint: string) =>
      problems.push({ file, featureId: id ? `chapter ${id}` : `chapter #${index}`, field: `${where}.${field}`, message, hint });
    if (id && seen.has(id)) at('id', `duplicate chapter id "${id}"`, 'give every chapter its own id');
    if (id) seen.add(id);
    for (const field of CHAPTER_FEATURE_FIELDS) {
      const value = chapter[field];
      if (value === undefined || value === null) continue;
      const ids = Array.isArray(value) ? value : [value];
      ids.forEach((ref, i) => {
        const path = Array.isArray(value) ? `${field}.${i}` : field;
        if (typeof ref !== 'string') at(path, 'expected a feature id (a string)', 'write feature ids as strings, e.g. "strike-misrata-2019-12-20"');
        else if (!featureIds.has(ref)) at(path, `no feature with id "${ref}"`, 'use the id of a feature in one of the layer files (ids are case-sensitive)');
      });
    }
    for (const field of CHAPTER_DATE_FIELDS) {
      const value = chapter[field];
      if (value === undefined) continue;
      const parsed = PartialDate.safeParse(value);
      if (!parsed.success) at(field, `${JSON.stringify(value)} is not a date`, DATE_HINT);
      else if (dayOfDate(parsed.data) < first || dayOfDate(parsed.data) > last)
        at(field, `${parsed.data} is outside the story (${config.range.contextStart} to ${config.range.end})`, 'fix the date, or widen config.json range (contextStart to end)');
    }
  });
  return problems;
}
