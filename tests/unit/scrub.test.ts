/**
 * A timeline step must cost the same with 100 features as with 100,000: after the first build, moving
 * the day reads none of the strikes and events, keeps every data array and every geometry (so the
 * layers keep their GPU buffers) and answers "which bases are under attack" from an index.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseConfig, parseLayer } from '../../src/data/validate';
import { buildLayers } from '../../src/features/map/layers';
import { basesUnderAttack, findFeature, UNDER_ATTACK_DAYS } from '../../src/state/selectors';
import { dayOfDate, spanOf } from '../../src/data/time';
import { LAYER_IDS, type LayerId } from '../../src/data/ids';
import type { StoryFeature, StrikeFeature } from '../../src/data/schema';
import type { IconAtlas } from '../../src/features/map/icons';

const read = (file: string) => JSON.parse(readFileSync(`data/${file}`, 'utf8'));
const config = parseConfig('config.json', read('config.json')).config!;
const story = Object.fromEntries(config.layers.map((l) => [l.id, parseLayer(l.file, l.id, read(l.file)).features])) as Record<LayerId, StoryFeature[]>;

/** Many copies of the story's strikes and events, each read of an element counted. */
function counted(list: StoryFeature[], copies: number) {
  const many = Array.from({ length: copies }, (_, i) =>
    list.map((f) => ({ ...f, properties: { ...f.properties, id: `${f.properties.id}-${i}` } }) as StoryFeature),
  ).flat();
  const reads = { count: 0 };
  const proxy = new Proxy(many, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads.count++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { list: proxy, reads };
}

const icons: IconAtlas = { atlas: {} as HTMLCanvasElement, mapping: {} };
const visible = Object.fromEntries(LAYER_IDS.map((id) => [id, true])) as Record<LayerId, boolean>;

describe('a timeline step', () => {
  const strikes = counted(story.strikes, 500);
  const events = counted(story.events, 500);
  const features = { ...story, strikes: strikes.list, events: events.list };
  const build = (day: number) =>
    buildLayers({ day, features, visible, actors: config.actors, selectedId: null, hoveredId: null, icons });

  it('reads no strike or event once the layers are built, and keeps every data array and geometry', () => {
    const first = build(dayOfDate('2019-06-01'));
    strikes.reads.count = 0;
    events.reads.count = 0;
    for (let day = dayOfDate('2019-06-02'); day < dayOfDate('2019-07-01'); day++) build(day);
    expect(strikes.reads.count).toBe(0);
    expect(events.reads.count).toBe(0);

    const later = build(dayOfDate('2019-06-15'));
    const propsOf = (layers: typeof first, id: string) => layers.find((l) => l.id === id)?.props as any;
    for (const id of ['strikes', 'strikes-trace', 'events', 'events-halo', 'events-trace', 'air-bases']) {
      expect(propsOf(later, id).data, id).toBe(propsOf(first, id).data);
      expect(propsOf(later, id).geometry, id).toBe(propsOf(first, id).geometry);
    }
    expect(propsOf(later, 'strikes').day).not.toBe(propsOf(first, 'strikes').day);
    expect(propsOf(later, 'events').data).toBe(events.list);
    expect(propsOf(later, 'events').geometry.count).toBe(events.list.length);
  });

  it('keeps the control areas array and geometry while the same areas are shown', () => {
    const a = build(dayOfDate('2019-12-20')).find((l) => l.id === 'control-areas')!.props as any;
    const b = build(dayOfDate('2019-12-21')).find((l) => l.id === 'control-areas')!.props as any;
    expect(b.data).toBe(a.data);
    expect(b.geometry).toBe(a.geometry);
  });

  it('builds symbols again only when the actors or the atlas change', () => {
    const day = dayOfDate('2019-06-01');
    const before = build(day).find((l) => l.id === 'events')!.props as any;
    const recoloured = buildLayers({ day, features, visible, actors: [...config.actors], selectedId: null, hoveredId: null, icons }).find((l) => l.id === 'events')!.props as any;
    expect(recoloured.geometry).not.toBe(before.geometry);
  });

  it('keeps the selection ring while the same feature stays selected', () => {
    const selectedId = strikes.list[0].properties.id;
    const ringOn = (day: number, hoveredId: string | null) =>
      buildLayers({ day, features, visible, actors: config.actors, selectedId, hoveredId, icons }).find((l) => l.id === 'selection')!.props as any;
    const first = ringOn(dayOfDate('2019-12-20'), null);
    const later = ringOn(dayOfDate('2019-12-21'), story.events[0].properties.id);
    expect(later.geometry).toBe(first.geometry);
    expect(later.data).toBe(first.data);
    expect(first.geometry.count).toBe(1);
  });

  it('keeps the front lines and their geometry on a hover or a selection, and moves them with the day', () => {
    const day = dayOfDate('2019-06-01');
    const linesOf = (layers: ReturnType<typeof build>) => ['front-line', 'front-line-halo'].map((id) => layers.find((l) => l.id === id)!.props as any);
    const plain = linesOf(build(day));
    const target = story.events[0].properties.id;
    const hovered = linesOf(buildLayers({ day, features, visible, actors: config.actors, selectedId: target, hoveredId: target, icons }));
    hovered.forEach((props, i) => {
      expect(props.data).toBe(plain[i].data);
      expect(props.geometry).toBe(plain[i].geometry);
    });
    expect(plain[0].geometry).not.toBe(plain[1].geometry);
    const nextDay = linesOf(build(day + 1));
    expect(nextDay[0].geometry).not.toBe(plain[0].geometry);
    expect(nextDay[0].data[0].path).not.toEqual(plain[0].data[0].path);
  });

  it('draws the hovered and the selected symbol larger through a uniform, not new geometry', () => {
    const day = dayOfDate('2019-06-01');
    const plain = build(day).find((l) => l.id === 'events')!.props as any;
    const target = events.list[1234];
    const hovered = buildLayers({ day, features, visible, actors: config.actors, selectedId: null, hoveredId: target.properties.id, icons }).find((l) => l.id === 'events')!.props as any;
    expect(hovered.geometry).toBe(plain.geometry);
    expect(hovered.highlighted).toEqual([-1, 1234]);
    expect(plain.highlighted).toEqual([-1, -1]);
  });
});

describe('basesUnderAttack', () => {
  /** The plain definition: a base is under attack from a strike's start until UNDER_ATTACK_DAYS after its end. */
  const naive = (list: StoryFeature[], day: number) => {
    const hit = new Set<string>();
    for (const f of list) {
      const p = f.properties as StrikeFeature['properties'];
      if (p.kind !== 'strike' || !p.target) continue;
      const [start, end] = spanOf(p);
      if (day >= start && day <= end + UNDER_ATTACK_DAYS) hit.add(p.target);
    }
    return [...hit].sort();
  };

  it('agrees with the plain definition on every day of the story', () => {
    for (let day = dayOfDate(config.range.contextStart); day <= dayOfDate(config.range.end) + 30; day++)
      expect([...basesUnderAttack(story.strikes, day)].sort(), String(day)).toEqual(naive(story.strikes, day));
  });

  it('agrees on overlapping, nested and out-of-order strikes', () => {
    const strike = (id: string, start: string, end?: string) =>
      ({ type: 'Feature', geometry: { type: 'Point', coordinates: [13, 32] }, properties: { id, kind: 'strike', target: 'base-x', start, end } }) as unknown as StoryFeature;
    const list = [strike('a', '2019-05-01', '2019-09-30'), strike('b', '2019-06-01'), strike('c', '2019-03-01', '2019-03-02'), strike('d', '2019-05-10', '2019-05-11')];
    for (let day = dayOfDate('2019-02-20'); day <= dayOfDate('2019-11-01'); day++)
      expect([...basesUnderAttack(list, day)].sort(), String(day)).toEqual(naive(list, day));
  });
});

describe('findFeature', () => {
  it('finds by id from an index built once per set of layers', () => {
    const layers = Object.fromEntries(config.layers.map((l) => [l.id, { status: 'ready' as const, features: story[l.id], skippedNullGeometry: 0 }]));
    const some = story.events[3];
    expect(findFeature(layers as any, some.properties.id)).toBe(some);
    expect(findFeature(layers as any, 'no-such-feature')).toBeUndefined();
    expect(findFeature(layers as any, null)).toBeUndefined();
  });
});
