import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/i18n/plural';

describe('counts in words', () => {
  it('uses English singular and plural', () => {
    expect(formatCount(1, 'strikes', 'en')).toBe('1 strike');
    expect(formatCount(16, 'strikes', 'en')).toBe('16 strikes');
    expect(formatCount(6, 'killed', 'en')).toBe('6 killed');
  });

  it('uses the six Arabic plural forms', () => {
    expect(formatCount(1, 'strikes', 'ar')).toBe('غارة واحدة');
    expect(formatCount(2, 'strikes', 'ar')).toBe('غارتان');
    expect(formatCount(8, 'strikes', 'ar')).toBe('8 غارات');
    expect(formatCount(16, 'strikes', 'ar')).toBe('16 غارة');
    expect(formatCount(47, 'strikes', 'ar')).toBe('47 غارة');
    expect(formatCount(100, 'strikes', 'ar')).toBe('100 غارة');
    expect(formatCount(3, 'killed', 'ar')).toBe('3 قتلى');
    expect(formatCount(0, 'killed', 'ar')).toBe('لا قتلى');
  });
});
