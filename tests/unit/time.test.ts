import { describe, expect, it } from 'vitest';
import {
  dayAtPosition, dayOfDate, FADE_DAYS, formatDay, isoOfDay, lastDayOfDate, makeTimeScale, opacityAt,
  parseIsoDay, positionOfDay, spanOf, TRACE_OPACITY,
} from '../../src/data/time';

describe('calendar days', () => {
  it('round-trips ISO dates', () => {
    for (const iso of ['2017-10-30', '2019-04-04', '2019-06-26', '2019-12-31', '2020-02-29']) {
      expect(isoOfDay(dayOfDate(iso))).toBe(iso);
    }
    expect(dayOfDate('2019-12-21') - dayOfDate('2019-12-20')).toBe(1);
  });

  it('reads partial dates as their first day, and knows their last', () => {
    expect(isoOfDay(dayOfDate('2019-08'))).toBe('2019-08-01');
    expect(isoOfDay(lastDayOfDate('2019-08'))).toBe('2019-08-31');
    expect(isoOfDay(lastDayOfDate('2019-02'))).toBe('2019-02-28');
    expect(isoOfDay(lastDayOfDate('2019'))).toBe('2019-12-31');
    expect(isoOfDay(lastDayOfDate('2019-06-26'))).toBe('2019-06-26');
  });

  it('refuses dates that do not exist or are not written in full', () => {
    expect(parseIsoDay('2019-02-30')).toBeNull();
    expect(parseIsoDay('2019-13-01')).toBeNull();
    expect(parseIsoDay('2019-6-1')).toBeNull();
    expect(parseIsoDay('2019-12-20T00:00')).toBeNull();
    expect(parseIsoDay('')).toBeNull();
    expect(parseIsoDay('2019-12-20')).toBe(dayOfDate('2019-12-20'));
  });

  it('writes the date in words in either language', () => {
    const day = dayOfDate('2019-12-20');
    expect(formatDay(day, 'en-GB')).toBe('20 December 2019');
    expect(formatDay(day, 'ar-u-nu-latn')).toContain('ديسمبر');
    expect(formatDay(day, 'ar-u-nu-latn')).toContain('2019');
    expect(formatDay(day, 'en-GB', 'month')).toBe('December 2019');
    expect(formatDay(day, 'en-GB', 'approximate')).toBe('~ December 2019');
  });
});

describe('the slider scale', () => {
  const scale = makeTimeScale({ contextStart: '2017-10-01', start: '2019-04-01', end: '2019-12-31' });

  it('gives the story most of the slider and squeezes the context years', () => {
    expect(positionOfDay(scale, scale.contextStart)).toBe(0);
    expect(positionOfDay(scale, scale.start)).toBeCloseTo(scale.contextShare);
    expect(positionOfDay(scale, scale.end)).toBe(1);
    expect(scale.contextShare).toBeGreaterThan(0);
    expect(scale.contextShare).toBeLessThan(0.2);
  });

  it('is monotonic and inverts itself', () => {
    let last = -1;
    for (let d = scale.contextStart; d <= scale.end; d += 7) {
      const p = positionOfDay(scale, d);
      expect(p).toBeGreaterThan(last);
      last = p;
    }
    for (const iso of ['2019-04-04', '2019-06-26', '2019-12-20']) {
      const d = dayOfDate(iso);
      expect(dayAtPosition(scale, positionOfDay(scale, d))).toBe(d);
    }
  });

  it('clamps out-of-range days and positions', () => {
    expect(positionOfDay(scale, scale.end + 500)).toBe(1);
    expect(positionOfDay(scale, scale.contextStart - 500)).toBe(0);
    expect(dayAtPosition(scale, 2)).toBe(scale.end);
    expect(dayAtPosition(scale, -1)).toBe(scale.contextStart);
  });
});

describe('fading with age', () => {
  const start = dayOfDate('2019-12-20');
  it('hides an event before it happens and shows it fully on its day', () => {
    expect(opacityAt(start - 1, start, start)).toBe(0);
    expect(opacityAt(start, start, start)).toBe(1);
  });
  it('keeps a lasting event at full strength until it ends', () => {
    const end = start + 30;
    expect(opacityAt(start + 29, start, end)).toBe(1);
    expect(opacityAt(end + 1, start, end)).toBeLessThan(1);
  });
  it('fades steadily to a trace and never disappears', () => {
    const values = [1, 10, 20, 30, FADE_DAYS, 200].map((a) => opacityAt(start + a, start, start));
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
    expect(values[values.length - 1]).toBe(TRACE_OPACITY);
  });
  it('reads the span of month-precise features to the end of the month', () => {
    const [a, b] = spanOf({ start: '2019-08', end: '2019-12' });
    expect(isoOfDay(a)).toBe('2019-08-01');
    expect(isoOfDay(b)).toBe('2019-12-31');
  });
});
