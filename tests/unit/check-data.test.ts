/** `npm run check:data` on small broken stories: every problem at once, each with file, feature, field and hint. */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkStoryDir } from '../../scripts/check-data';
import { formatProblem } from '../../src/data/validate';

const root = mkdtempSync(join(tmpdir(), 'check-data-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const text = (en: string) => ({ ar: `نص ${en}`, en });

function baseStory() {
  const config = {
    title: text('A test story'),
    subtitle: text('Made for the checker'),
    source: { publisher: text('Test Press'), title: text('An article'), published: '2020-06-30', paragraphs: 20 },
    range: { start: '2020-03-01', end: '2020-06-30', contextStart: '2020-01-01' },
    initialDate: '2020-06-01',
    view: { center: [13.2, 32.9], zoom: 7 },
    bounds: [9, 19, 26, 34],
    actors: [
      { id: 'gna', name: text('GNA'), side: 'gna', color: '#0072b2' },
      { id: 'lna', name: text('LNA'), side: 'lna', color: '#d55e00' },
    ],
    weapons: [{ id: 'tb2', name: text('TB2') }],
    layers: [
      { id: 'air-bases', file: 'air-bases.geojson' },
      { id: 'strikes', file: 'strikes.geojson' },
      { id: 'events', file: 'events.geojson' },
    ],
  };
  const common = (id: string) => ({
    id,
    title: text(`Title of ${id}`),
    summary: text(`Summary of ${id}`),
    confidence: 'reported',
    sources: { article: [3] },
  });
  const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });
  const files: Record<string, any> = {
    'air-bases.geojson': {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: point(11.9, 32.47), properties: { ...common('base-watiya'), kind: 'air-base', side: 'lna', operators: ['lna'], aircraft: [] } }],
    },
    'strikes.geojson': {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: point(11.9, 32.47), properties: { ...common('strike-watiya'), kind: 'strike', start: '2020-05-18', datePrecision: 'day', attacker: 'gna', target: 'base-watiya' } },
      ],
    },
    'events.geojson': {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: point(13.63, 32.43), properties: { ...common('event-tarhuna'), kind: 'event', category: 'capture', actor: 'gna', start: '2020-06-05', datePrecision: 'day' } },
        { type: 'Feature', geometry: point(12.49, 32.79), properties: { ...common('event-sabratha'), kind: 'event', category: 'capture', actor: 'gna', start: '2020-04-13', datePrecision: 'day' } },
      ],
    },
  };
  return { config, files };
}

let counter = 0;
function writeStory(mutate: (story: ReturnType<typeof baseStory>) => void = () => {}, extra: Record<string, unknown> = {}) {
  const dir = join(root, `story-${counter++}`);
  mkdirSync(dir);
  const story = baseStory();
  mutate(story);
  writeFileSync(join(dir, 'config.json'), JSON.stringify(story.config, null, 2));
  for (const [name, body] of Object.entries({ ...story.files, ...extra }))
    writeFileSync(join(dir, name), typeof body === 'string' ? body : JSON.stringify(body, null, 2));
  return dir;
}

const lines = (dir: string) => checkStoryDir(dir).problems.map(formatProblem);

describe('check:data on fixture stories', () => {
  it('passes a well-formed story', () => {
    const result = checkStoryDir(writeStory());
    expect(result.problems).toEqual([]);
    expect(result.featureCount).toBe(4);
    expect(result.layerCount).toBe(3);
  });

  it('reports every problem of a broken story at once, each with file, feature, field and hint', () => {
    const dir = writeStory(({ files }) => {
      const [strike] = files['strikes.geojson'].features;
      strike.properties.attacker = 'martians'; // unknown actor
      strike.properties.start = '18/05/2020'; // bad date: the schema refuses the feature...
      strike.properties.target = 'base-nowhere'; // ...and its references are still checked
      const [tarhuna, sabratha] = files['events.geojson'].features;
      tarhuna.geometry.coordinates = [32.43, 13.63]; // swapped
      tarhuna.properties.sources.article = [99]; // beyond source.paragraphs
      sabratha.properties.start = '2019-04-13'; // before contextStart
      sabratha.properties.title.ar = '';
      files['air-bases.geojson'].features[0].properties.aircraft = ['f-16'];
    });
    const text = lines(dir);
    const expectLine = (file: string, feature: string, field: string, message: RegExp, hint: RegExp) =>
      expect(text, `${file} ${feature} ${field}`).toContainEqual(
        expect.stringMatching(new RegExp(`${file}, feature "${feature}", field "${field}": ${message.source}.*\\(hint: .*${hint.source}`)),
      );
    const at = (name: string) => join(dir, name).replace(/[.\\/]/g, (c) => `\\${c}`);

    expectLine(at('strikes.geojson'), 'strike-watiya', 'start', /expected YYYY, YYYY-MM or YYYY-MM-DD/, /use YYYY, YYYY-MM or YYYY-MM-DD/);
    expectLine(at('strikes.geojson'), 'strike-watiya', 'attacker', /unknown actor "martians"/, /add it to config\.json actors, or use one of: gna, lna/);
    expectLine(at('strikes.geojson'), 'strike-watiya', 'target', /no air base with id "base-nowhere"/, /air-bases layer: base-watiya/);
    expectLine(at('events.geojson'), 'event-tarhuna', 'geometry', /point 32\.43,13\.63 is outside/, /lon\/lat swapped\?/);
    expectLine(at('events.geojson'), 'event-tarhuna', 'sources\\.article\\.0', /paragraph 99 is beyond the article's 20 paragraphs/, /source\.paragraphs/);
    expectLine(at('events.geojson'), 'event-sabratha', 'start', /2019-04-13 is outside the story/, /widen config\.json range/);
    expectLine(at('events.geojson'), 'event-sabratha', 'title\\.ar', /Arabic text is empty/, /both languages/);
    expectLine(at('air-bases.geojson'), 'base-watiya', 'aircraft\\.0', /unknown weapon "f-16"/, /add it to config\.json weapons, or use one of: tb2/);
    expect(text).toHaveLength(8);
  });

  it('gives hints for wrong types, missing fields, unknown options and bad ids', () => {
    const dir = writeStory(({ files }) => {
      const [tarhuna, sabratha] = files['events.geojson'].features;
      tarhuna.properties.category = 'party';
      tarhuna.properties.killed = '12';
      tarhuna.properties.id = 'Event Tarhuna';
      delete sabratha.properties.actor;
      sabratha.properties.start = '2020-02-30';
      sabratha.properties.count = 2.5;
    });
    const byField = Object.fromEntries(checkStoryDir(dir).problems.map((p) => [p.field, p]));
    expect(byField.category.hint).toMatch(/use one of: ground, capture/);
    expect(byField.killed.hint).toBe('write the number without quotes');
    expect(byField.count.hint).toBe('a whole number, e.g. 3');
    expect(byField.id.hint).toMatch(/lower-case letters, digits and dashes/);
    expect(byField.actor.hint).toBe('add the required field "actor"');
    expect(byField.start.message).toBe('not a real calendar date');
    expect(byField.start.hint).toMatch(/day exists in that month/);
  });

  it('checks config.json against itself: range order, landing date, view, duplicate ids', () => {
    const dir = writeStory(({ config }) => {
      config.initialDate = '2021-01-01';
      config.view.center = [32.9, 13.2];
      config.actors.push({ ...config.actors[0] });
      config.range.contextStart = '2020-04-01';
    });
    const fields = checkStoryDir(dir).problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['initialDate', 'view.center', 'actors.2', 'range.contextStart']));
  });

  it('names a missing layer file, broken JSON and a file nothing loads', () => {
    const dir = writeStory(({ config, files }) => {
      config.layers.push({ id: 'places', file: 'places.geojson' });
      delete files['air-bases.geojson'];
      files['events.geojson'] = '{ "type": "FeatureCollection", "features": [ }' as any;
    }, { 'old-strikes.geojson': { type: 'FeatureCollection', features: [] } });
    const result = checkStoryDir(dir);
    const text = result.problems.map(formatProblem);
    expect(text).toContainEqual(expect.stringMatching(/places\.geojson: file not found \(hint: config\.json layers lists "places\.geojson"/));
    expect(text).toContainEqual(expect.stringMatching(/air-bases\.geojson: file not found/));
    expect(text).toContainEqual(expect.stringMatching(/events\.geojson: .*JSON.*\(hint: not valid JSON/));
    // Without the bases file, the strike's target cannot be found either.
    expect(text).toContainEqual(expect.stringMatching(/field "target": no air base with id "base-watiya"/));
    expect(result.warnings).toContainEqual(expect.stringMatching(/old-strikes\.geojson is not listed in config\.json layers/));
  });

  it('warns about Arabic-script letters the shipped Arabic font lacks, and only those', () => {
    expect(checkStoryDir(writeStory()).warnings.filter((w) => /Arabic font/.test(w))).toEqual([]);
    const dir = writeStory(({ config }) => {
      // U+0762 (Arabic Supplement), as in some Berber and African orthographies.
      config.title.ar = 'طرابلس \u0762';
    });
    expect(checkStoryDir(dir).warnings).toContainEqual(expect.stringMatching(/config\.json uses Arabic-script characters the app's Arabic font lacks \(U\+0762\)/));
  });

  it('checks story.json chapters against feature ids and the story range, only when the file exists', () => {
    // Everything the schema asks of a chapter (src/data/story-schema.ts), so only references fail.
    const chapter = (fields: Record<string, unknown>) => ({
      title: text('A chapter'),
      body: { ar: ['فقرة'], en: ['A paragraph'] },
      view: { center: [13.2, 32.9], zoom: 8 },
      sources: { article: [3] },
      ...fields,
    });
    const story = {
      chapters: [
        chapter({ id: 'intro', date: '2020-04-13', features: ['event-sabratha', 'event-nowhere'] }),
        chapter({ id: 'intro', date: '2020-06-01', highlight: ['strike-watiya'] }),
        chapter({ id: 'watiya', date: '2024-01-01', select: 'base-watyia' }),
      ],
    };
    const fields = checkStoryDir(writeStory(undefined, { 'story.json': story })).problems.map((p) => [p.field, p.message]);
    expect(fields).toEqual([
      ['chapters.0.features.1', 'no feature with id "event-nowhere"'],
      ['chapters.1.id', 'duplicate chapter id "intro"'],
      ['chapters.2.select', 'no feature with id "base-watyia"'],
      ['chapters.2.date', '2024-01-01 is outside the story (2020-01-01 to 2020-06-30)'],
    ]);
    const broken = checkStoryDir(writeStory(undefined, { 'story.json': { chapter: [] } })).problems;
    expect(broken.map((p) => p.message)).toEqual(['expected an object with a chapters array']);
  });

  it('checks story.json against its schema, and that highlighted features are on the map on the chapter date', () => {
    const story = {
      chapters: [
        { id: 'intro', title: { en: 'Intro' }, date: '2020-04-13', view: { center: [13.2, 32.9], zoom: 8 }, sources: { article: [3] } },
        {
          id: 'too-early',
          title: text('Too early'),
          body: { ar: ['فقرة'], en: ['A paragraph'] },
          date: '2020-05-01',
          view: { center: [13.2, 32.9], zoom: 8 },
          highlight: ['strike-watiya'],
          sources: { article: [3] },
        },
      ],
    };
    const problems = checkStoryDir(writeStory(undefined, { 'story.json': story })).problems;
    expect(problems.map((p) => [p.featureId, p.field])).toEqual([
      ['chapter intro', 'chapters.0.title.ar'],
      ['chapter intro', 'chapters.0.body'],
    ]);
    const valid = { chapters: [{ ...story.chapters[1] }] };
    const late = checkStoryDir(writeStory(undefined, { 'story.json': valid })).problems.map(formatProblem);
    expect(late).toEqual([
      expect.stringMatching(/story\.json, feature "chapter too-early", field "chapters\.0\.highlight\.0": "strike-watiya" is not on the map on 2020-05-01 \(it starts on 2020-05-18\) \(hint: /),
    ]);
  });

  it('as a command: prints every problem and exits non-zero; exits 0 on a good story', () => {
    const bad = writeStory(({ files }) => {
      files['strikes.geojson'].features[0].properties.attacker = 'martians';
      files['events.geojson'].features[0].geometry.coordinates = [32.43, 13.63];
    });
    const run = (dir: string) => spawnSync('npx', ['tsx', 'scripts/check-data.ts', dir], { encoding: 'utf8' });
    const failed = run(bad);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/field "attacker": unknown actor "martians" \(hint: add it to config\.json actors/);
    expect(failed.stderr).toMatch(/field "geometry": .*\(hint: lon\/lat swapped\?/);
    expect(failed.stderr).toMatch(/check:data: 2 problem\(s\)/);
    const passed = run(writeStory());
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.stdout).toMatch(/4 features in 3 layers/);
  }, 30_000);
});
