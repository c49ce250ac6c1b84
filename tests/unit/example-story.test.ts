/** The example story in examples/: valid, small, inside the shipped basemap, and honest about its sources. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkStoryDir } from '../../scripts/check-data';
import { parseConfig, parseLayer } from '../../src/data/validate';

const DIR = 'examples/libya-2020';
const read = (file: string) => JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8'));
const config = parseConfig('config.json', read('config.json')).config!;
const features = config.layers.flatMap((l) => parseLayer(l.file, l.id, read(l.file)).features);

describe(`example story (${DIR})`, () => {
  it('passes check:data with no problems and no warnings', () => {
    const result = checkStoryDir(DIR);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.featureCount).toBe(features.length);
  });

  it('is small and says it is an example', () => {
    expect(features.length).toBeGreaterThanOrEqual(5);
    expect(features.length).toBeLessThanOrEqual(15);
    expect(config.title.en).toMatch(/^Example story/);
    expect(config.title.ar).toMatch(/^قصة مثال/);
  });

  it('marks every feature as general knowledge, with a note, since no article backs it', () => {
    for (const f of features) {
      expect(f.properties.sources.article, f.properties.id).toEqual([]);
      expect(f.properties.sources.generalKnowledge, f.properties.id).toBe(true);
      expect(f.properties.sources.note?.en, f.properties.id).toMatch(/general knowledge/);
    }
  });

  it('stays inside the shipped basemap (lon 6 to 36, lat 16 to 43)', () => {
    const [west, south, east, north] = config.bounds;
    expect(west).toBeGreaterThanOrEqual(6);
    expect(east).toBeLessThanOrEqual(36);
    expect(south).toBeGreaterThanOrEqual(16);
    expect(north).toBeLessThanOrEqual(43);
  });
});
