/** The shipped chapters (data/story.json): valid, in order, pointing at real features, in our own words. */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseConfig, parseLayer } from '../../src/data/validate';
import { checkStoryChapters } from '../../src/data/authoring-checks';
import { checkStory, LAYER_OF_KIND, parseStory } from '../../src/data/story-check';
import type { StoryFeature } from '../../src/data/schema';
import { dayOfDate, lastDayOfDate } from '../../src/data/time';
import { featureOpacity } from '../../src/state/selectors';

const read = (file: string) => JSON.parse(readFileSync(`data/${file}`, 'utf8'));
const { config } = parseConfig('config.json', read('config.json'));
const features: StoryFeature[] = config!.layers.flatMap((l) => parseLayer(l.file, l.id, read(l.file)).features);
const byId = new Map(features.map((f) => [f.properties.id, f]));
const raw = read('story.json');
const { story, problems } = parseStory('story.json', raw);
const chapters = story!.chapters;

describe('data/story.json', () => {
  it('validates, and every reference checks out', () => {
    expect(problems).toEqual([]);
    expect(checkStoryChapters('story.json', raw, config!, new Set(byId.keys()))).toEqual([]);
    expect(checkStory('story.json', raw, config!, features)).toEqual([]);
  });

  it('follows the article from the April offensive to the outside powers, in date order', () => {
    expect(chapters.map((c) => c.id)).toEqual([
      'april-offensive',
      'gharyan-lost',
      'air-campaign',
      'drone-war',
      'wagner-advance',
      'zero-hour',
      'regional-players',
    ]);
    const days = chapters.map((c) => dayOfDate(c.date));
    for (let i = 1; i < days.length; i++) expect(days[i], chapters[i].id).toBeGreaterThan(days[i - 1]);
    const first = dayOfDate(config!.range.start);
    const last = lastDayOfDate(config!.range.end);
    for (const c of chapters) {
      expect(/^\d{4}-\d{2}-\d{2}$/.test(c.date), `${c.id}: a chapter sets the slider to a day`).toBe(true);
      expect(dayOfDate(c.date)).toBeGreaterThanOrEqual(first);
      expect(dayOfDate(c.date)).toBeLessThanOrEqual(last);
    }
    const text = (id: string) => chapters.find((c) => c.id === id)!.body.en.join(' ');
    expect(text('april-offensive')).toMatch(/Tarhuna/);
    expect(text('gharyan-lost')).toMatch(/26 June/);
    expect(text('air-campaign')).toMatch(/Mitiga[\s\S]*Air College/);
    expect(text('drone-war')).toMatch(/Italy[\s\S]*United States[\s\S]*no-fly zone/);
    expect(text('wagner-advance')).toMatch(/Wagner/);
    expect(text('zero-hour')).toMatch(/zero hour[\s\S]*mobilisation[\s\S]*Tarhuna[\s\S]*Misrata[\s\S]*Msallata/);
    for (const power of ['Turkey', 'Egypt', 'UAE', 'Russia', 'Greece']) expect(text('regional-players')).toContain(power);
  });

  it('has every chapter in both languages, 2 to 4 paragraphs each, short enough to read aloud', () => {
    for (const c of chapters) {
      expect(c.title.ar.length).toBeGreaterThan(0);
      expect(c.title.en.length).toBeGreaterThan(0);
      expect(c.body.ar.length, c.id).toBe(c.body.en.length);
      expect(c.body.en.length, c.id).toBeGreaterThanOrEqual(2);
      expect(c.body.en.length, c.id).toBeLessThanOrEqual(4);
      // The Arabic is Arabic and the English is English.
      for (const p of [c.title.ar, ...c.body.ar]) expect(p, c.id).toMatch(/[\u0600-\u06ff]/);
      for (const p of [c.title.en, ...c.body.en]) expect(p, c.id).not.toMatch(/[\u0600-\u06ff]/);
      const words = c.body.en.join(' ').split(/\s+/).length;
      expect(words, c.id).toBeLessThan(160);
    }
  });

  it('highlights features that exist and are on the map on the chapter date, with their layer switched on', () => {
    for (const c of chapters) {
      expect(c.highlight.length, c.id).toBeGreaterThan(0);
      for (const id of c.highlight) {
        const f = byId.get(id);
        expect(f, `${c.id}: ${id}`).toBeDefined();
        expect(featureOpacity(f!, dayOfDate(c.date)), `${c.id}: ${id}`).toBeGreaterThan(0);
        expect(c.layers ?? [], `${c.id}: ${id}`).toContain(LAYER_OF_KIND[f!.properties.kind]);
        expect(f!.geometry.type, `${c.id}: ${id} is drawn with a ring, which needs a point`).toBe('Point');
      }
    }
  });

  it('cites body paragraphs of the article and explains what comes from elsewhere', () => {
    for (const c of chapters) {
      expect(c.sources.article.length, c.id).toBeGreaterThan(0);
      for (const n of c.sources.article) expect(n >= 3 && n <= 53, `${c.id}: ¶${n}`).toBe(true);
      if (c.sources.generalKnowledge) expect(c.sources.note, c.id).toBeDefined();
    }
  });

  it('puts each chapter view inside the story and near what it highlights', () => {
    const [west, south, east, north] = config!.bounds;
    for (const c of chapters) {
      const [lon, lat] = c.view.center;
      expect(lon > west && lon < east && lat > south && lat < north, c.id).toBe(true);
      // At zoom z a 900-px-wide map spans about 900 * 360 / (512 * 2^z) degrees of longitude.
      const halfSpan = (900 * 360) / (512 * 2 ** c.view.zoom) / 2;
      for (const id of c.highlight) {
        const [x] = byId.get(id)!.geometry.coordinates as [number, number];
        expect(Math.abs(x - lon), `${c.id}: ${id} is off screen`).toBeLessThan(halfSpan);
      }
    }
  });

  const articlePath = resolve('../shared/seed/article-ar.txt');
  it.skipIf(!existsSync(articlePath))('is written in our own words: no run of six words is copied from the article', () => {
    const words = (text: string) =>
      text
        .replace(/[\u064b-\u065f\u0670\u0640]/g, '') // diacritics and tatweel
        .replace(/[«»"'()،؛:.,!?؟\-–]/g, ' ')
        .split(/\s+/)
        .filter(Boolean);
    const article = words(readFileSync(articlePath, 'utf8'));
    const grams = new Set(article.slice(0, -5).map((_, i) => article.slice(i, i + 6).join(' ')));
    const copied: string[] = [];
    for (const c of chapters) {
      const ours = words([c.title.ar, ...c.body.ar, c.sources.note?.ar ?? ''].join(' '));
      for (let i = 0; i + 6 <= ours.length; i++) {
        const run = ours.slice(i, i + 6).join(' ');
        if (grams.has(run)) copied.push(`${c.id}: ${run}`);
      }
    }
    expect(copied).toEqual([]);
  });
});

describe('checkStory', () => {
  const chapter = (over: Record<string, unknown> = {}) => ({
    id: 'c',
    title: { ar: 'ع', en: 'T' },
    body: { ar: ['ع'], en: ['T'] },
    date: '2019-12-21',
    view: { center: [13.6, 32.6], zoom: 8 },
    highlight: ['strike-msallata-2019-12-21'],
    layers: ['strikes'],
    sources: { article: [5] },
    ...over,
  });
  const check = (chapters: unknown[]) => checkStory('story.json', { chapters }, config!, features).map((p) => [p.field, p.message]);

  it('accepts a good chapter', () => {
    expect(check([chapter()])).toEqual([]);
  });

  it('names the field of a schema problem, with the chapter', () => {
    const problems = checkStory('story.json', { chapters: [chapter({ id: 'x', title: { ar: 'ع' }, body: { ar: ['ع', 'ب'], en: ['T'] }, sources: {} })] }, config!, features);
    expect(problems.map((p) => [p.featureId, p.field])).toEqual([
      ['chapter x', 'chapters.0.title.en'],
      ['chapter x', 'chapters.0.body'],
      ['chapter x', 'chapters.0.sources'],
    ]);
  });

  it('finds chapters out of order, views outside the story, highlights that are hidden or not yet there, paragraphs beyond the article', () => {
    expect(
      check([
        chapter({ id: 'a' }),
        chapter({ id: 'b', date: '2019-12-20', view: { center: [32.6, 13.6], zoom: 8 }, highlight: ['strike-msallata-2019-12-21'] }),
        chapter({ id: 'c', layers: ['events'], sources: { article: [60] } }),
        chapter({ id: 'd', highlight: ['front-tripoli-south-2019-12-20'], layers: ['front-lines'] }),
      ]),
    ).toEqual([
      ['chapters.1.date', '2019-12-20 is earlier than the chapter before it ("a")'],
      ['chapters.1.view.center', "32.6,13.6 is outside the story's bounds (8, 18, 34, 42)"],
      ['chapters.1.highlight.0', '"strike-msallata-2019-12-21" is not on the map on 2019-12-20 (it starts on 2019-12-21)'],
      ['chapters.2.sources.article.0', "paragraph 60 is beyond the article's 53 paragraphs"],
      ['chapters.2.highlight.0', '"strike-msallata-2019-12-21" is in the strikes layer, which this chapter switches off'],
      ['chapters.3.highlight.0', '"front-tripoli-south-2019-12-20" is a LineString, and only points get a ring'],
    ]);
  });
});
