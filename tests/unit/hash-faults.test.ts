/**
 * Bad URL hash values and repeated keys (docs/reliability.md): every field is read on its own, the
 * first of a repeated key wins, and nothing a link holds can reach the page as markup or as a
 * property of Object.prototype.
 */
import { describe, expect, it } from 'vitest';
import { parseHash, parseView } from '../../src/state/hash';
import { dayOfDate } from '../../src/data/time';

const day = dayOfDate('2019-12-20');

describe('repeated keys: the first wins, for every field', () => {
  it.each([
    ['#date=2019-12-20&date=2019-01-01', { date: day }],
    ['#lang=ar&lang=en', { lang: 'ar' }],
    ['#event=strike-misrata&event=other', { event: 'strike-misrata' }],
    ['#view=13.6,32.6,7.2&view=1,1,1', { view: { center: [13.6, 32.6], zoom: 7.2 } }],
    ['#layers=strikes&layers=events', { layers: ['strikes'] }],
    ['#embed=1&embed=0', { embed: true }],
    // The first is bad: the field falls back to its default rather than to a later copy.
    ['#lang=fr&lang=ar', {}],
    ['#embed=0&embed=1', {}],
  ])('%s', (hash, expected) => {
    expect(parseHash(hash)).toEqual(expected);
  });
});

describe('bad values fall back field by field', () => {
  it('dates: only a real YYYY-MM-DD', () => {
    for (const bad of ['2019-02-30', '2019-13-01', '2019-6-1', '2019-12', '2019', ' 2019-12-20', '+2019-12-20', '2019-12-20T00:00', '20/12/2019', '2019-12-20#lang=ar'])
      expect(parseHash(`#date=${encodeURIComponent(bad)}&lang=en`), bad).toEqual({ lang: 'en' });
  });

  it('views: three plain numbers inside the world', () => {
    for (const bad of ['13.6,32.6', '13.6,32.6,7.2,1', '1e2,32,7', '181,0,1', '0,86,1', '0,0,23', '0,0,-1', 'a,b,c', '13.6,,7', 'NaN,0,1', 'Infinity,0,1'])
      expect(parseView(bad), bad).toBeUndefined();
    expect(parseView('-180,-85,0')).toEqual({ center: [-180, -85], zoom: 0 });
  });

  it('layers: known ids only, each once; an empty list means none', () => {
    expect(parseHash('#layers=strikes,strikes,events')).toEqual({ layers: ['strikes', 'events'] });
    expect(parseHash('#layers=nukes')).toEqual({});
    expect(parseHash('#layers=strikes,nukes')).toEqual({ layers: ['strikes'] });
    expect(parseHash('#layers=')).toEqual({ layers: [] });
    expect(parseHash('#layers=__proto__,constructor')).toEqual({});
  });

  it('keys and values are case-sensitive and exact', () => {
    expect(parseHash('#LANG=ar')).toEqual({});
    expect(parseHash('#lang=AR')).toEqual({});
    expect(parseHash('#lang=ar%00')).toEqual({});
    expect(parseHash('#embed=true')).toEqual({});
  });

  it('encoded separators stay inside their value', () => {
    expect(parseHash('#date=2019-12-20%26lang%3Dar')).toEqual({});
    expect(parseHash('#lang=en?lang=ar')).toEqual({ lang: 'en' });
    expect(parseHash('#?lang=ar')).toEqual({});
    expect(parseHash('#date=2019-12-20&&&lang=en')).toEqual({ date: day, lang: 'en' });
  });

  it('event ids: lower-case words and dashes, so no markup or bidi control gets through', () => {
    for (const bad of ['<img src=x onerror=alert(1)>', 'javascript:alert(1)', 'a+b', '%E2%80%AEevil', 'Strike', '-x', 'x'.repeat(201)])
      expect(parseHash(`#event=${bad}&lang=en`), bad).toEqual({ lang: 'en' });
  });

  it('prototype keys are just unknown keys', () => {
    expect(parseHash('#__proto__=1&constructor=x&prototype=y&lang=en')).toEqual({ lang: 'en' });
    expect(parseHash('#__proto__[polluted]=1&lang=en')).toEqual({ lang: 'en' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parseHash('#lang=en'))).toBe(Object.prototype);
  });

  it('an oversized value is ignored on its own; a hash is read only up to 100,000 characters', () => {
    expect(parseHash(`#lang=en&junk=${'x'.repeat(200_000)}`)).toEqual({ lang: 'en' });
    expect(parseHash(`#event=${'a'.repeat(300)}&lang=ar`)).toEqual({ lang: 'ar' });
    expect(parseHash(`#junk=${'x'.repeat(200_000)}&lang=en`)).toEqual({});
  });

  it('never throws on malformed percent-encoding or odd characters', () => {
    for (const hash of ['#%', '#%%%', '#date=%E0%A4%A', '#\u0000=\u0000', '#=&=&=', '#&', '#lang', '#lang=', '#\uD800=x', '#🗺=1'])
      expect(() => parseHash(hash), hash).not.toThrow();
  });
});
