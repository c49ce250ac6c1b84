import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../src/state/hash';
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

  describe('chapter (story mode)', () => {
    it('reads a chapter id, alone or beside the other fields', () => {
      expect(parseHash('#chapter=zero-hour')).toEqual({ chapter: 'zero-hour' });
      expect(parseHash('#date=2019-12-20&lang=ar&chapter=drone-war')).toEqual({ date: dayOfDate('2019-12-20'), lang: 'ar', chapter: 'drone-war' });
    });

    it('drops a bad chapter value on its own and keeps the other fields', () => {
      expect(parseHash('#chapter=Zero Hour&lang=en')).toEqual({ lang: 'en' });
      expect(parseHash('#chapter=<script>&lang=ar')).toEqual({ lang: 'ar' });
      expect(parseHash('#chapter=-x&date=2019-12-20')).toEqual({ date: dayOfDate('2019-12-20') });
      expect(parseHash('#chapter=&lang=en')).toEqual({ lang: 'en' });
      expect(parseHash(`#chapter=${'a'.repeat(500)}&lang=en`)).toEqual({ lang: 'en' });
      expect(parseHash('#chapter=drone-war&chapter=zero-hour').chapter).toBe('drone-war');
      // Unknown but well-formed ids get through; story mode falls back to the first chapter.
      expect(parseHash('#chapter=no-such-chapter').chapter).toBe('no-such-chapter');
    });

    it('writes the open chapter, and nothing when story mode is closed', () => {
      const base = { day: dayOfDate('2019-12-21'), lang: 'en' as const, selectedId: null };
      expect(formatHash({ ...base, chapterId: 'zero-hour' })).toBe('#date=2019-12-21&lang=en&chapter=zero-hour');
      expect(formatHash({ ...base, chapterId: null })).toBe('#date=2019-12-21&lang=en');
      expect(parseHash(formatHash({ ...base, chapterId: 'air-campaign' })).chapter).toBe('air-campaign');
    });
  });
});
