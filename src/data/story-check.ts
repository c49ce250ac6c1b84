/**
 * Checks of `story.json` beyond what `checkStoryChapters` (authoring-checks.ts) already reports (feature ids
 * that do not exist, dates outside the story, duplicate chapter ids): the file's schema, chapters in
 * date order, each chapter's view inside the story's bounds, and highlighted features that the
 * reader can actually see on the chapter's date with the chapter's layers.
 */
import type { z } from 'zod/mini';
import type { LayerId, StoryConfig } from './schema';
import { StoryFile } from './story-schema';
import { dayOfDate, spanOf } from './time';
import type { DataProblem, LooseFeature } from './validate';

/** Which layer holds each kind of feature. */
export const LAYER_OF_KIND: Record<string, LayerId> = {
  place: 'places',
  'air-base': 'air-bases',
  strike: 'strikes',
  event: 'events',
  'front-line': 'front-lines',
  'control-area': 'control-areas',
};

export function parseStory(file: string, raw: unknown): { story?: StoryFile; problems: DataProblem[] } {
  const result = StoryFile.safeParse(raw);
  if (result.success) return { story: result.data, problems: [] };
  return { problems: result.error.issues.map((issue) => issueProblem(file, raw, issue)) };
}

/**
 * Every problem of a story.json that `checkStoryChapters` does not report. `features` are the
 * story's features as check:data reads them (including ones their schema refused).
 */
export function checkStory(file: string, raw: unknown, config: StoryConfig, features: readonly LooseFeature[]): DataProblem[] {
  const { story, problems } = parseStory(file, raw);
  if (!story) return problems;
  const byId = new Map<string, Record<string, any>>();
  const geometryOf = new Map<string, unknown>();
  for (const f of features) {
    const p = f.properties as Record<string, any> | undefined;
    if (p && typeof p.id === 'string') {
      byId.set(p.id, p);
      geometryOf.set(p.id, (f.geometry as { type?: unknown } | null | undefined)?.type);
    }
  }
  const [west, south, east, north] = config.bounds;
  const paragraphs = config.source.paragraphs;
  let previous: { id: string; day: number } | null = null;
  story.chapters.forEach((chapter, index) => {
    const at = (field: string, message: string, hint: string) =>
      problems.push({ file, featureId: `chapter ${chapter.id}`, field: `chapters.${index}.${field}`, message, hint });
    const day = dayOfDate(chapter.date);
    if (previous && day < previous.day)
      at('date', `${chapter.date} is earlier than the chapter before it ("${previous.id}")`, 'put the chapters in date order, or fix the date');
    previous = { id: chapter.id, day };
    const [lon, lat] = chapter.view.center;
    if (lon < west || lon > east || lat < south || lat > north)
      at('view.center', `${lon},${lat} is outside the story's bounds (${config.bounds.join(', ')})`, 'view.center is [longitude, latitude]: lon/lat swapped?');
    if (paragraphs !== undefined)
      chapter.sources.article.forEach((n, i) => {
        if (n > paragraphs) at(`sources.article.${i}`, `paragraph ${n} is beyond the article's ${paragraphs} paragraphs`, 'paragraphs are numbered from 1 (the title) to config.json source.paragraphs');
      });
    const configured = new Set(config.layers.map((l) => l.id));
    chapter.layers?.forEach((layer, i) => {
      if (!configured.has(layer)) at(`layers.${i}`, `the story has no "${layer}" layer`, `use one of: ${[...configured].join(', ')}`);
    });
    chapter.highlight.forEach((id, i) => {
      const p = byId.get(id);
      if (!p) return; // reported by checkStoryChapters
      const geometry = geometryOf.get(id);
      if (geometry !== 'Point')
        at(`highlight.${i}`, `"${id}" is a ${String(geometry ?? 'feature without geometry')}, and only points get a ring`, 'highlight a point (a place, base, strike or event), and name lines and areas in the text');
      const layer = LAYER_OF_KIND[String(p.kind)];
      if (chapter.layers && layer && !chapter.layers.includes(layer))
        at(`highlight.${i}`, `"${id}" is in the ${layer} layer, which this chapter switches off`, `add "${layer}" to the chapter's layers, or highlight another feature`);
      if ((p.kind === 'strike' || p.kind === 'event' || p.kind === 'control-area') && typeof p.start === 'string') {
        const [start, end] = spanOf(p as { start: string; end?: string });
        const shown = p.kind === 'control-area' ? day >= start && day <= end : day >= start;
        if (!shown) at(`highlight.${i}`, `"${id}" is not on the map on ${chapter.date} (it starts on ${p.start})`, "move the chapter's date, or highlight something already on the map");
      }
    });
  });
  return problems;
}

function issueProblem(file: string, raw: unknown, issue: z.core.$ZodIssue): DataProblem {
  const path = issue.path.map(String);
  let featureId: string | undefined;
  if (path[0] === 'chapters' && path.length > 1) {
    const chapter = (raw as { chapters?: { id?: unknown }[] }).chapters?.[Number(path[1])];
    featureId = typeof chapter?.id === 'string' ? `chapter ${chapter.id}` : `chapter #${path[1]}`;
  }
  const field = path.join('.') || undefined;
  const last = path[path.length - 1] ?? '';
  const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
  const hint =
    last === 'ar' || last === 'en'
      ? 'every text needs both languages, neither empty'
      : missing
        ? `add the required field "${last}" (see docs/data-format.md, story.json)`
        : issue.code === 'invalid_value'
          ? `use one of: ${issue.values.map(String).join(', ')}`
          : undefined;
  return { file, featureId, field, message: issue.message, hint };
}
