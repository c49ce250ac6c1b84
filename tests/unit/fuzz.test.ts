/**
 * Fuzzing with a seeded PRNG (deterministic: the same cases every run). A few hundred generated URL
 * hashes, host messages and mutated data files go through the parsers the app runs on untrusted
 * input; none may throw, and what they let through must still be well-formed.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHash } from '../../src/state/hash';
import { readInbound } from '../../src/features/embed/messages';
import { crossCheck, parseConfig, parseLayer, type LooseFeature } from '../../src/data/validate';
import { loadLayer, withoutDuplicateIds } from '../../src/data/load';
import { layerFeatureSchemas, LAYER_IDS, type LayerId } from '../../src/data/schema';
import { seededRandom } from '../../scripts/random';

function prng(seed: number) {
  const next = seededRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  return { next, int, pick };
}

const CASES = 400;

describe('fuzz: URL hashes', () => {
  const keys = ['date', 'lang', 'event', 'view', 'layers', 'embed', 'digits', '__proto__', 'constructor', '', 'DATE', 'x'];
  const values = [
    '2019-12-20', '2019-02-30', '2019-12', '9999-99-99', 'ar', 'en', 'fr', 'strike-misrata-2019-12-20', '<img src=x onerror=alert(1)>',
    '13.6,32.6,7.2', '13.6,32.6', '999,999,999', '-0,-0,0', 'strikes,events', 'strikes,,nukes', '', '1', '0', 'true',
    '%', '%%', '%E2%80%AE', '%00', '\u202E', '🗺', '&', '=', '?', '#', '+', ' ', 'x'.repeat(250), 'javascript:alert(1)',
  ];
  const separators = ['&', '&', '&', '?', '#', '&&', ';'];

  it(`parses ${CASES} generated hashes without throwing, and returns only well-formed fields`, () => {
    const r = prng(20191220);
    for (let i = 0; i < CASES; i++) {
      let hash = r.next() < 0.9 ? '#' : '';
      const parts = 1 + r.int(6);
      for (let p = 0; p < parts; p++) {
        if (p) hash += r.pick(separators);
        hash += r.next() < 0.1 ? r.pick(values) : `${r.pick(keys)}=${r.pick(values)}`;
      }
      if (r.next() < 0.05) hash += 'y'.repeat(100_000 + r.int(1000));
      let state: ReturnType<typeof parseHash> = {};
      expect(() => (state = parseHash(hash)), hash.slice(0, 200)).not.toThrow();
      if (state.date !== undefined) expect(Number.isInteger(state.date)).toBe(true);
      if (state.lang !== undefined) expect(['ar', 'en']).toContain(state.lang);
      if (state.event !== undefined) expect(state.event).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      if (state.view !== undefined) expect([...state.view.center, state.view.zoom].every(Number.isFinite)).toBe(true);
      if (state.layers !== undefined) {
        expect(state.layers.every((id) => LAYER_IDS.includes(id))).toBe(true);
        expect(new Set(state.layers).size).toBe(state.layers.length);
      }
      if (state.embed !== undefined) expect(state.embed).toBe(true);
      expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('fuzz: host messages', () => {
  it(`drops or accepts ${CASES} generated messages without throwing`, () => {
    const r = prng(4);
    const types = ['tripoli-map:set-date', 'tripoli-map:set-view', 'tripoli-map:select-event', 'tripoli-map:set-lang', 'tripoli-map:set-layers', 'tripoli-map:play', 'tripoli-map:', 'other', ''];
    const fields = ['date', 'center', 'zoom', 'id', 'lang', 'layers', 'playing', '__proto__', 'extra'];
    const junk: unknown[] = [null, 0, -1, 1e308, NaN, Infinity, '', '2019-12-20', 'ar', 'strike-a', '<b>', [], [13, 32], [999, 999], ['strikes'], {}, true, false, 'x'.repeat(1000)];
    for (let i = 0; i < CASES; i++) {
      const message: Record<string, unknown> = { type: r.pick(types) };
      for (let f = r.int(4); f > 0; f--) message[r.pick(fields)] = r.pick(junk);
      const data = r.next() < 0.1 ? r.pick(junk) : message;
      let read: ReturnType<typeof readInbound> = null;
      expect(() => (read = readInbound(data))).not.toThrow();
      if (read) expect((read as { type: string }).type.startsWith('tripoli-map:')).toBe(true);
    }
  });
});

describe('fuzz: data files', () => {
  const config = parseConfig('config.json', JSON.parse(readFileSync('data/config.json', 'utf8'))).config!;
  const files = Object.fromEntries(config.layers.map((l) => [l.id, JSON.parse(readFileSync(`data/${l.file}`, 'utf8'))])) as Record<LayerId, { features: unknown[] }>;
  const junk: unknown[] = [
    null, undefined, 0, -1, 1.5, 1e308, NaN, Infinity, '', 'x', '2019-02-30', '2019-12', 'rumour', 'lna', 'martians', true, [], [1], [[1, 2]], {}, { ar: 'أ' },
    { en: 'e' }, { type: 'Point', coordinates: [32.89, 13.19] }, { type: 'Point', coordinates: [13.19] }, { type: 'Polygon', coordinates: [[[13, 32], [13.1, 32], [13, 32.1]]] },
    { type: 'LineString', coordinates: [[13, 32]] }, JSON.parse('{"__proto__": {"polluted": true}}'), '<img src=x onerror=alert(1)>', '\u202E', 'x'.repeat(100_000),
  ];
  const clone = <T>(value: T): T => structuredClone(value);

  /** Changes one random thing somewhere in a feature: a field, a nested field, its geometry, or the feature itself. */
  function mutate(r: ReturnType<typeof prng>, features: unknown[]): void {
    const index = r.int(features.length);
    const feature = features[index] as Record<string, any>;
    const choice = r.int(9);
    if (typeof feature !== 'object' || feature === null) return void (features[index] = r.pick(junk));
    if (choice === 0) features[index] = r.pick(junk);
    else if (choice === 1) features.push(clone(feature)); // a duplicate id
    else if (choice === 2) feature.geometry = r.pick(junk);
    else if (choice === 3 && Array.isArray(feature.geometry?.coordinates)) feature.geometry.coordinates.reverse();
    else if (choice === 4) delete feature.properties?.[r.pick(Object.keys(feature.properties ?? { id: 1 }))];
    else if (choice === 5 && feature.properties?.sources) feature.properties.sources[r.pick(['article', 'generalKnowledge', 'note', 'links'])] = r.pick(junk);
    else if (choice === 6 && feature.properties?.title) feature.properties.title[r.pick(['ar', 'en'])] = r.pick(junk);
    else if (feature?.properties) feature.properties[r.pick([...Object.keys(feature.properties), 'kind', 'id', 'start', 'end', 'count', 'target'])] = r.pick(junk);
  }

  it(`checks ${CASES} mutated layers without throwing; whatever loads still passes the schema`, async () => {
    const r = prng(42);
    for (let i = 0; i < CASES; i++) {
      const layer = r.pick(LAYER_IDS);
      const file = `${layer}.geojson`;
      const doc: Record<string, any> = clone(files[layer]);
      for (let m = 1 + r.int(4); m > 0; m--) mutate(r, doc.features);
      const raw = r.next() < 0.03 ? r.pick(junk) : doc;

      // What check:data does: schema, then cross-checks over accepted and rejected features alike.
      const result = parseLayer(file, layer, raw);
      expect(() => crossCheck(config, [{ file, features: [...result.features, ...(result.rejected as LooseFeature[])] }])).not.toThrow();
      for (const p of result.problems) expect(typeof p.file === 'string' && typeof p.message === 'string').toBe(true);

      // What the app does: fetch, parse, cross-check, leave out what is wrong on its own.
      const text = JSON.stringify(raw) ?? 'undefined';
      const load = await loadLayer(async () => new Response(text), 'https://maps.test/data/', config, layer);
      const checked = withoutDuplicateIds(load, file, [{ file: 'places.geojson', features: parseLayer('places.geojson', 'places', files.places).features }]);
      if (checked.status === 'ready')
        for (const f of checked.features) expect(layerFeatureSchemas[layer].safeParse(JSON.parse(JSON.stringify(f))).success).toBe(true);
      else expect(checked.status === 'error' && checked.problems.length > 0).toBe(true);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
