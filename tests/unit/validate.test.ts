import { describe, expect, it } from 'vitest';
import { crossCheck, formatProblem, parseConfig, parseLayer } from '../../src/data/validate';
import { readFileSync } from 'node:fs';
import { STRIKE_PROPERTIES } from './fixtures';

const config = parseConfig('config.json', JSON.parse(readFileSync('data/config.json', 'utf8'))).config!;

const strike = (props: Record<string, unknown> = {}, geometry: unknown = { type: 'Point', coordinates: [15.09, 32.37] }) => ({
  type: 'Feature',
  geometry,
  properties: {
    id: 'strike-test',
    ...STRIKE_PROPERTIES,
    ...props,
  },
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('layer validation', () => {
  it('accepts a well-formed feature and fills defaults', () => {
    const result = parseLayer('strikes.geojson', 'strikes', collection(strike()));
    expect(result.problems).toEqual([]);
    expect(result.features[0].properties.locationPrecision).toBe('exact');
  });

  it('names the file, the feature and the field of each problem', () => {
    const result = parseLayer('strikes.geojson', 'strikes', collection(strike({ start: '2019-02-30', count: -3 })));
    const text = result.problems.map(formatProblem);
    expect(text).toContainEqual(expect.stringMatching(/^strikes\.geojson, feature "strike-test", field "start": /));
    expect(text).toContainEqual(expect.stringMatching(/field "count"/));
  });

  it('rejects unknown kinds, wrong types and missing translations', () => {
    const bad = parseLayer('strikes.geojson', 'strikes', collection(strike({ kind: 'rumour', title: { en: 'x' }, count: '16' })));
    const fields = bad.problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['kind', 'title.ar', 'count']));
  });

  it('requires a source: article paragraphs or a general-knowledge flag', () => {
    const none = parseLayer('s', 'strikes', collection(strike({ sources: { article: [] } })));
    expect(none.problems[0].message).toMatch(/article paragraphs or generalKnowledge/);
  });

  it('checks paragraph numbers against the article length in config.json, not a fixed limit', () => {
    const outside = parseLayer('s', 'strikes', collection(strike({ sources: { article: [99] } })));
    expect(outside.problems).toEqual([]);
    const problems = crossCheck(config, [{ file: 's', features: outside.features }]);
    expect(problems.map((p) => p.field)).toEqual(['sources.article.0']);
    expect(problems[0].message).toMatch(/beyond the article's 53 paragraphs/);
    const longer = { ...config, source: { ...config.source, paragraphs: 120 } };
    expect(crossCheck(longer, [{ file: 's', features: outside.features }])).toEqual([]);
    const unbounded = { ...config, source: { ...config.source, paragraphs: undefined } };
    expect(crossCheck(unbounded, [{ file: 's', features: outside.features }])).toEqual([]);
  });

  it('skips features without geometry and counts them', () => {
    const result = parseLayer('s', 'strikes', collection(strike({}, null), strike({ id: 'b' })));
    expect(result.skippedNullGeometry).toBe(1);
    expect(result.features).toHaveLength(1);
  });

  it('refuses something that is not a FeatureCollection', () => {
    expect(parseLayer('s', 'strikes', [1, 2]).problems[0].message).toMatch(/FeatureCollection/);
    expect(parseLayer('s', 'strikes', null).problems).toHaveLength(1);
  });
});

describe('cross-file checks', () => {
  const parsed = (f: unknown) => parseLayer('s', 'strikes', collection(f)).features;

  it('names both places of a duplicate id', () => {
    const problems = crossCheck(config, [
      { file: 'a.geojson', features: parsed(strike()) },
      { file: 'b.geojson', features: parsed(strike()) },
    ]);
    expect(problems.map(formatProblem)).toContainEqual(
      'b.geojson, feature "strike-test", field "id": duplicate id: also used in a.geojson (hint: give every feature its own id)',
    );
  });

  it('catches swapped coordinates, unknown actors and dates outside the story', () => {
    const problems = crossCheck(config, [
      { file: 's', features: parsed(strike({ attacker: 'martians', start: '2012-01-01' }, { type: 'Point', coordinates: [32.37, 15.09] })) },
    ]);
    expect(problems.map((p) => p.field).sort()).toEqual(['attacker', 'geometry', 'start']);
  });
});
