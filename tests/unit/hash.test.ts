import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../src/app/hash';
import { dayOfDate } from '../../src/data/time';

describe('URL hash', () => {
  it('reads date, language and event', () => {
    expect(parseHash('#date=2019-12-20&lang=ar&event=strike-misrata')).toEqual({
      date: dayOfDate('2019-12-20'),
      lang: 'ar',
      event: 'strike-misrata',
    });
  });

  it('drops each bad field on its own and keeps the good ones', () => {
    expect(parseHash('#date=2019-02-30&lang=en')).toEqual({ lang: 'en' });
    expect(parseHash('#date=2019-12-20&lang=fr')).toEqual({ date: dayOfDate('2019-12-20') });
    expect(parseHash('#event=<img src=x onerror=alert(1)>&lang=ar')).toEqual({ lang: 'ar' });
    expect(parseHash(`#date=${'9'.repeat(10000)}&lang=en`)).toEqual({ lang: 'en' });
    expect(parseHash('#%%%')).toEqual({});
    expect(parseHash('')).toEqual({});
  });

  it('takes the first of repeated keys', () => {
    expect(parseHash('#lang=en&lang=ar').lang).toBe('en');
  });

  it('round-trips what it writes', () => {
    const state = { day: dayOfDate('2019-06-26'), lang: 'ar' as const, selectedId: 'gharyan-captured' };
    const parsed = parseHash(formatHash(state));
    expect(parsed).toEqual({ date: state.day, lang: 'ar', event: 'gharyan-captured' });
  });
});
