/**
 * Time faults (docs/reliability.md): invalid and partial dates, events outside the story, events on
 * the same day. Invalid dates are refused with the field named; partial ones are read as the span
 * they stand for and shown no more precisely than they are; same-day events keep one stable order.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PartialDate, type StoryFeature } from '../../src/data/schema';
import { crossCheck, formatProblem, parseConfig, parseLayer } from '../../src/data/validate';
import { clampDay, dayOfDate, isoOfDay, lastDayOfDate, spanOf } from '../../src/data/time';
import { markDays, nextMarkDay, previousMarkDay, timelineMarks, type Layers } from '../../src/state/selectors';
import { dateText } from '../../src/features/details/describe';

const config = parseConfig('config.json', JSON.parse(readFileSync('data/config.json', 'utf8'))).config!;

const event = (id: string, props: Record<string, unknown> = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [13.19, 32.89] },
  properties: {
    id,
    kind: 'event',
    category: 'ground',
    actor: 'lna',
    title: { ar: 'حدث', en: 'An event' },
    summary: { ar: 'ملخص', en: 'Summary' },
    start: '2019-06-26',
    datePrecision: 'day',
    confidence: 'reported',
    sources: { article: [3] },
    ...props,
  },
});
const parse = (...features: unknown[]) => parseLayer('events.geojson', 'events', { type: 'FeatureCollection', features });

describe('invalid and partial dates', () => {
  it('accepts a year, a month or a day, and nothing else', () => {
    for (const good of ['2019', '2019-08', '2019-08-15', '2020-02-29']) expect(PartialDate.safeParse(good).success, good).toBe(true);
    for (const bad of ['2019-8', '19-12-20', '2019/12/20', '20/12/2019', '2019-12-20T00:00', '', ' 2019', '2019-02-30', '2019-13', '2019-00', '2019-12-00', '2019-02-29'])
      expect(PartialDate.safeParse(bad).success, bad).toBe(false);
    for (const notAString of [20191220, null, true, {}, ['2019']]) expect(PartialDate.safeParse(notAString).success).toBe(false);
  });

  it('names the feature and the field of a bad date, with a hint', () => {
    const [shape, calendar] = [parse(event('a', { start: '20/12/2019' })), parse(event('b', { end: '2019-02-30' }))].map((r) => r.problems.map(formatProblem));
    expect(shape).toEqual([expect.stringMatching(/feature "a", field "start": expected YYYY, YYYY-MM or YYYY-MM-DD .*hint: use YYYY, YYYY-MM or YYYY-MM-DD/)]);
    expect(calendar).toEqual([expect.stringMatching(/feature "b", field "end": not a real calendar date .*hint: check the month/)]);
  });

  it('reads a partial date as the whole span it stands for', () => {
    expect(spanOf({ start: '2019-08' }).map(isoOfDay)).toEqual(['2019-08-01', '2019-08-01']);
    expect(spanOf({ start: '2019-08', end: '2019-08' }).map(isoOfDay)).toEqual(['2019-08-01', '2019-08-31']);
    expect(spanOf({ start: '2019', end: '2019' }).map(isoOfDay)).toEqual(['2019-01-01', '2019-12-31']);
    expect(isoOfDay(lastDayOfDate('2020-02'))).toBe('2020-02-29');
  });

  it('shows a date no more precisely than it is known', () => {
    const feature = (props: Record<string, unknown>) => parse(event('x', props)).features[0] as StoryFeature;
    expect(dateText(feature({ start: '2019-08-15', datePrecision: 'day' }), 'en')).toBe('15 August 2019');
    expect(dateText(feature({ start: '2019-08', datePrecision: 'month' }), 'en')).toBe('August 2019');
    expect(dateText(feature({ start: '2019-08', datePrecision: 'approximate' }), 'en')).toBe('~ August 2019');
    expect(dateText(feature({ start: '2019-08', end: '2019-10', datePrecision: 'month' }), 'en')).toBe('August 2019 – October 2019');
  });
});

describe('dates outside the story', () => {
  const check = (cfg: typeof config, ...features: unknown[]) => crossCheck(cfg, [{ file: 'events.geojson', features: parse(...features).features }]);

  it('reports a start before the context years or after the end, and an end before the start', () => {
    const problems = check(config, event('early', { start: '2012-05-01' }), event('late', { start: '2020-06-01' }), event('swapped', { start: '2019-06-26', end: '2019-06-01' }));
    expect(problems.map((p) => `${p.featureId} ${p.field}`)).toEqual(['early start', 'late start', 'swapped end']);
  });

  it('a story that ends with a month runs to the last day of that month', () => {
    const monthEnd = { ...config, range: { ...config.range, end: '2019-12' } };
    expect(check(monthEnd, event('late-december', { start: '2019-12-20' }))).toEqual([]);
    expect(check(monthEnd, event('january', { start: '2020-01-01' })).map((p) => p.field)).toEqual(['start']);
  });
});

describe('the slider clamps', () => {
  const first = dayOfDate(config.range.contextStart);
  const last = lastDayOfDate(config.range.end);
  it('keeps any requested day inside the story, whole', () => {
    expect(clampDay(first - 1000, first, last)).toBe(first);
    expect(clampDay(last + 1000, first, last)).toBe(last);
    expect(clampDay(first + 10.6, first, last)).toBe(first + 11);
    expect(clampDay(Infinity, first, last)).toBe(last);
    expect(clampDay(-Infinity, first, last)).toBe(first);
    expect(clampDay(NaN, first, last)).toBe(first);
  });
});

describe('identical timestamps', () => {
  const sameDay = ['event-c', 'event-a', 'event-b'].map((id) => event(id, { start: '2019-06-26' }));
  const layersOf = (features: unknown[]): Layers => ({ events: { status: 'ready', features: parse(...features).features, skippedNullGeometry: 0 } });

  it('keep one order, by id, whatever order the file lists them in', () => {
    const orders = [sameDay, [...sameDay].reverse(), [sameDay[1], sameDay[2], sameDay[0]]].map((list) => timelineMarks(layersOf([event('event-z', { start: '2019-04-04' }), ...list])).map((m) => m.id));
    expect(orders[0]).toEqual(['event-z', 'event-a', 'event-b', 'event-c']);
    expect(orders[1]).toEqual(orders[0]);
    expect(orders[2]).toEqual(orders[0]);
  });

  it('make one stop for "next event" and "previous event"', () => {
    const days = markDays(timelineMarks(layersOf([event('event-z', { start: '2019-04-04' }), ...sameDay, event('event-y', { start: '2019-07-01' })])));
    expect(days.map(isoOfDay)).toEqual(['2019-04-04', '2019-06-26', '2019-07-01']);
    expect(isoOfDay(nextMarkDay(days, dayOfDate('2019-04-04'))!)).toBe('2019-06-26');
    expect(isoOfDay(nextMarkDay(days, dayOfDate('2019-06-26'))!)).toBe('2019-07-01');
    expect(isoOfDay(previousMarkDay(days, dayOfDate('2019-07-01'))!)).toBe('2019-06-26');
  });
});
