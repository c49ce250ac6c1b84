/**
 * What a host page may say to an embedded map (src/features/embed/messages.ts): exactly the
 * documented messages, each field checked; everything else is dropped, never echoed or half-applied.
 */
import { describe, expect, it } from 'vitest';
import { isAllowedOrigin, pymMessage, readInbound } from '../../src/features/embed/messages';

describe('readInbound', () => {
  it('accepts each documented message', () => {
    expect(readInbound({ type: 'tripoli-map:set-date', date: '2019-12-20' })).toEqual({ type: 'tripoli-map:set-date', date: '2019-12-20' });
    expect(readInbound({ type: 'tripoli-map:set-view', center: [13.2, 32.8], zoom: 8 })).toEqual({ type: 'tripoli-map:set-view', center: [13.2, 32.8], zoom: 8 });
    expect(readInbound({ type: 'tripoli-map:select-event', id: 'strike-misrata-2019-12-20' })?.type).toBe('tripoli-map:select-event');
    expect(readInbound({ type: 'tripoli-map:select-event', id: null })).toEqual({ type: 'tripoli-map:select-event', id: null });
    expect(readInbound({ type: 'tripoli-map:set-lang', lang: 'ar' })).toEqual({ type: 'tripoli-map:set-lang', lang: 'ar' });
    expect(readInbound({ type: 'tripoli-map:set-layers', layers: ['strikes', 'events'] })?.type).toBe('tripoli-map:set-layers');
    expect(readInbound({ type: 'tripoli-map:play', playing: true })).toEqual({ type: 'tripoli-map:play', playing: true });
  });

  it('ignores anything that is not an object of ours', () => {
    for (const data of [null, undefined, 0, 42, '', 'tripoli-map:set-date', '<img src=x onerror=alert(1)>', [], [{ type: 'tripoli-map:play', playing: true }], true, () => 1])
      expect(readInbound(data)).toBeNull();
    expect(readInbound({})).toBeNull();
    expect(readInbound({ type: 42 })).toBeNull();
    expect(readInbound({ type: 'other-app:set-date', date: '2019-12-20' })).toBeNull();
    expect(readInbound({ type: 'tripoli-map:unknown' })).toBeNull();
    expect(readInbound({ type: 'TRIPOLI-MAP:play', playing: true })).toBeNull();
  });

  it('ignores malformed fields', () => {
    const bad = [
      { type: 'tripoli-map:set-date', date: '20/12/2019' },
      { type: 'tripoli-map:set-date', date: '2019-12-20T00:00:00Z' },
      { type: 'tripoli-map:set-date', date: 20191220 },
      { type: 'tripoli-map:set-date' },
      { type: 'tripoli-map:set-view', center: [200, 32], zoom: 8 },
      { type: 'tripoli-map:set-view', center: [13, 95], zoom: 8 },
      { type: 'tripoli-map:set-view', center: [13, 32], zoom: 99 },
      { type: 'tripoli-map:set-view', center: [13, 32, 1], zoom: 8 },
      { type: 'tripoli-map:set-view', center: ['13', '32'], zoom: 8 },
      { type: 'tripoli-map:set-view', center: [NaN, 32], zoom: 8 },
      { type: 'tripoli-map:select-event', id: '<img src=x onerror=alert(1)>' },
      { type: 'tripoli-map:select-event', id: 'a'.repeat(201) },
      { type: 'tripoli-map:select-event', id: 'Strike' },
      { type: 'tripoli-map:set-lang', lang: 'fr' },
      { type: 'tripoli-map:set-layers', layers: ['strikes', 'nukes'] },
      { type: 'tripoli-map:set-layers', layers: 'strikes' },
      { type: 'tripoli-map:set-layers', layers: Array(21).fill('strikes') },
      { type: 'tripoli-map:play', playing: 'yes' },
    ];
    for (const data of bad) expect(readInbound(data), JSON.stringify(data)).toBeNull();
  });

  it('refuses extra fields rather than carrying them along', () => {
    expect(readInbound({ type: 'tripoli-map:play', playing: true, html: '<b>x</b>' })).toBeNull();
    expect(readInbound(JSON.parse('{"type":"tripoli-map:play","playing":true,"__proto__":{"polluted":1}}'))).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('survives getters that throw and prototype tricks', () => {
    const trap = Object.defineProperty({}, 'type', {
      get() {
        throw new Error('trap');
      },
    });
    expect(readInbound(trap)).toBeNull();
    const withProto = Object.create({ type: 'tripoli-map:play', playing: true });
    expect(readInbound(withProto)).toBeNull();
  });
});

describe('origins and pym.js', () => {
  it('allows any origin with "*", else only those listed, compared exactly', () => {
    expect(isAllowedOrigin('https://a.test', ['*'])).toBe(true);
    expect(isAllowedOrigin('https://a.test', ['https://a.test'])).toBe(true);
    expect(isAllowedOrigin('https://a.test.evil', ['https://a.test'])).toBe(false);
    expect(isAllowedOrigin('http://a.test', ['https://a.test'])).toBe(false);
    expect(isAllowedOrigin('null', ['https://a.test'])).toBe(false);
  });

  it('writes pym.js messages', () => {
    expect(pymMessage('map1', 'height', 420)).toBe('pymxPYMxmap1xPYMxheightxPYMx420');
  });
});
