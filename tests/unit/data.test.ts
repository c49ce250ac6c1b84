/** The shipped story itself: valid, consistent, and true to the fact sheet where it matters. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { crossCheck, parseConfig, parseLayer } from '../../src/data/validate';
import type { StoryFeature } from '../../src/data/schema';
import { dayOfDate } from '../../src/data/time';
import { frontLinesAt } from '../../src/state/selectors';

const read = (file: string) => JSON.parse(readFileSync(`data/${file}`, 'utf8'));
const { config, problems: configProblems } = parseConfig('config.json', read('config.json'));
const layers = config!.layers.map((l) => ({ file: l.file, id: l.id, ...parseLayer(l.file, l.id, read(l.file)) }));
const all: StoryFeature[] = layers.flatMap((l) => l.features);
const find = (pred: (f: StoryFeature) => boolean) => all.filter(pred);

describe('shipped data', () => {
  it('validates with no problems', () => {
    expect(configProblems).toEqual([]);
    expect(layers.flatMap((l) => l.problems)).toEqual([]);
    expect(crossCheck(config!, layers)).toEqual([]);
  });

  it('has every id unique', () => {
    const ids = all.map((f) => f.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('cites only body paragraphs of the article (3 to 53) or the title', () => {
    for (const f of all) for (const n of f.properties.sources.article) expect([1, 2].includes(n) || (n >= 3 && n <= 53), f.properties.id).toBe(true);
  });

  it('keeps background knowledge flagged and explained', () => {
    for (const f of find((f) => f.properties.sources.generalKnowledge && f.properties.kind !== 'place'))
      expect(f.properties.sources.note, f.properties.id).toBeDefined();
    for (const f of find((f) => f.properties.kind === 'front-line' || f.properties.kind === 'control-area')) {
      expect(f.properties.confidence, f.properties.id).toBe('estimated');
      expect(f.properties.sources.generalKnowledge, f.properties.id).toBe(true);
    }
  });

  it('has the places and bases the story turns on', () => {
    const titles = all.map((f) => f.properties.title.en.toLowerCase()).join('|');
    for (const name of ['tripoli', 'tarhuna', 'misrata', 'gharyan', 'msallata', 'mitiga', 'watiya', 'jufra', 'khadim', 'benina'])
      expect(titles, name).toContain(name);
  });

  it('dates the fall of Gharyan to 26 June 2019 and says the article also says July', () => {
    const gharyan = find((f) => f.properties.kind === 'event' && f.properties.category === 'capture' && /gharyan/i.test(f.properties.title.en));
    expect(gharyan).toHaveLength(1);
    const p = gharyan[0].properties as { start: string; notes?: { en: string } };
    expect(p.start).toBe('2019-06-26');
    expect(p.notes?.en).toMatch(/July/);
  });

  it('records 16 strikes on Misrata and 8 on Msallata with their dates', () => {
    const strikes = find((f) => f.properties.kind === 'strike') as Extract<StoryFeature, { properties: { kind: 'strike' } }>[];
    const misrata = strikes.find((s) => s.properties.count === 16);
    const msallata = strikes.find((s) => s.properties.count === 8);
    expect(misrata?.properties.start).toBe('2019-12-20');
    expect(misrata?.properties.killed).toBe(6);
    expect(msallata?.properties.start).toBe('2019-12-21');
  });

  it('notes the Misrata distance error somewhere a reader can see it', () => {
    expect(all.some((f) => /187/.test(f.properties.notes?.en ?? ''))).toBe(true);
  });

  it('draws the front line from April and closer to Tripoli in December than in July', () => {
    const lines = find((f) => f.properties.kind === 'front-line');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(frontLinesAt(all, dayOfDate('2019-03-01'))).toHaveLength(0);
    const tripoli: [number, number] = [13.1873, 32.8874];
    const nearest = (day: string) =>
      Math.min(...frontLinesAt(all, dayOfDate(day))[0].path.map(([x, y]) => Math.hypot(x - tripoli[0], y - tripoli[1])));
    expect(nearest('2019-12-20')).toBeLessThan(nearest('2019-07-15'));
  });
});
