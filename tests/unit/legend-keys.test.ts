/**
 * The legend's keys (src/features/legend/legendKeys.ts) come from the loaded story: every colour
 * and shape the map draws from it has a key, and nothing it cannot draw is keyed.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { legendKeys, NEUTRAL_SHAPE_COLOR } from '../../src/features/legend/legendKeys';
import { parseConfig, parseLayer } from '../../src/data/validate';
import { importAcled, mergedConfig } from '../../scripts/import-acled';
import { generateAcledCsv } from '../../scripts/generate-acled';
import { SIDE_COLORS, UNDER_ATTACK_HEX } from '../../src/features/map/colors';
import type { LayerId, StoryFeature } from '../../src/data/schema';
import type { Layers } from '../../src/state/selectors';

const read = (file: string) => JSON.parse(readFileSync(`data/${file}`, 'utf8'));
const config = parseConfig('config.json', read('config.json')).config!;
const ready = (features: Partial<Record<LayerId, StoryFeature[]>>): Layers =>
  Object.fromEntries(Object.entries(features).map(([id, list]) => [id, { status: 'ready', features: list, skippedNullGeometry: 0 }]));
const article = ready(Object.fromEntries(config.layers.map((l) => [l.id, parseLayer(l.file, l.id, read(l.file)).features])));
const colorOf = (id: string) => config.actors.find((a) => a.id === id)!.color;

describe('legend keys', () => {
  it('key every attacker the strikes are coloured by, not only the two main sides', () => {
    const strikes = legendKeys(config, article, 'en').strikes;
    const attackers = new Set((article.strikes as any).features.map((s: any) => s.properties.attacker));
    expect(attackers.has('egypt')).toBe(true);
    expect(strikes.map((r) => r.label)).toEqual(['Libyan National Army (LNA, led by Haftar)', 'Egypt', 'Earlier (faded with age)']);
    expect(strikes[1].symbol).toEqual({ kind: 'dot', color: colorOf('egypt') });
  });

  it('key the events by shape, then by the colour of who acted, in both languages', () => {
    const events = legendKeys(config, article, 'ar').events;
    const shapes = events.filter((r) => r.symbol?.kind === 'shape');
    expect(shapes).toHaveLength(7);
    expect(shapes.every((r) => r.symbol!.kind === 'shape' && r.symbol!.color === NEUTRAL_SHAPE_COLOR)).toBe(true);
    const heading = events.findIndex((r) => !r.symbol);
    expect(events[heading].label).toBe('اللون: الجهة الفاعلة');
    const actors = events.slice(heading + 1);
    expect(actors.map((r) => r.label)).toContain('مجموعة فاغنر الروسية');
    expect(actors).toHaveLength(new Set((article.events as any).features.map((e: any) => e.properties.actor)).size);
  });

  it('key the sides present: foreign bases included (pale, as candidates), areas only for the two sides that hold any', () => {
    const keys = legendKeys(config, article, 'en');
    expect(keys['air-bases'].map((r) => r.symbol)).toEqual([
      { kind: 'shape', shape: 'air-base', color: SIDE_COLORS.gna },
      { kind: 'shape', shape: 'air-base', color: SIDE_COLORS.lna },
      { kind: 'shape', shape: 'air-base', color: `${SIDE_COLORS.foreign}96` },
      { kind: 'shape', shape: 'air-base', color: `${SIDE_COLORS.foreign}96` },
      { kind: 'attack-ring', color: UNDER_ATTACK_HEX },
    ]);
    expect(keys['air-bases'][3].label).toBe('Paler: a possible base the article does not name');
    const named = (article['air-bases'] as any).features.map((b: any) => ({ ...b, properties: { ...b.properties, candidate: false } }));
    const withoutCandidates = legendKeys(config, { ...article, 'air-bases': { status: 'ready', features: named, skippedNullGeometry: 0 } }, 'en');
    expect(withoutCandidates['air-bases'].map((r) => r.symbol)).toContainEqual({ kind: 'shape', shape: 'air-base', color: SIDE_COLORS.foreign });
    expect(withoutCandidates['air-bases']).toHaveLength(4);
    expect(keys['control-areas'].map((r) => r.label)).toEqual(['GNA (Tripoli government) and allies', 'LNA (Haftar) and allies']);
    expect(keys['front-lines']).toHaveLength(1);
  });

  it('match a story imported from ACLED: grey actors, no areas, no bases, no front line', () => {
    const result = importAcled(generateAcledCsv(300, { seed: 7 }));
    const acledConfig = parseConfig('config.json', mergedConfig(result, undefined, 'export.csv')).config!;
    const layers = ready({
      strikes: parseLayer('strikes.geojson', 'strikes', { type: 'FeatureCollection', features: result.strikes }).features,
      events: parseLayer('events.geojson', 'events', { type: 'FeatureCollection', features: result.events }).features,
    });
    const keys = legendKeys(acledConfig, layers, 'en');
    expect(keys['control-areas']).toEqual([]);
    expect(keys['air-bases']).toEqual([]);
    expect(keys['front-lines']).toEqual([]);
    const dots = keys.strikes.filter((r) => r.symbol?.kind === 'dot');
    expect(dots.length).toBeGreaterThan(0);
    expect(dots.every((r) => r.symbol!.kind === 'dot' && r.symbol!.color === '#8c8c8c')).toBe(true);
    expect(keys.strikes.map((r) => r.label)).not.toContain('LNA (Haftar) and allies');
  });

  it('key an attacker config.json does not list as having no side, and nothing before the data loads', () => {
    const strike = (article.strikes as any).features[0];
    const stranger = { ...strike, properties: { ...strike.properties, attacker: 'somebody-else' } };
    const keys = legendKeys(config, ready({ strikes: [stranger] }), 'en');
    expect(keys.strikes[0]).toEqual({ symbol: { kind: 'dot', color: SIDE_COLORS.none }, label: 'No side' });
    expect(Object.values(legendKeys(config, {}, 'en')).every((rows) => rows.length === 0)).toBe(true);
  });
});
