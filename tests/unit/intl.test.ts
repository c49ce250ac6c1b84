import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat, pluralRules } from '../../src/i18n/intl';
import { formatDay, dayOfDate } from '../../src/data/time';
import { formatNumber, setArabicDigits } from '../../src/i18n/format';

describe('Intl formatters', () => {
  it('are made once per locale and options', () => {
    const options = { month: 'short', timeZone: 'UTC' } as const;
    expect(dateTimeFormat('en-GB', options)).toBe(dateTimeFormat('en-GB', { ...options }));
    expect(dateTimeFormat('en-GB', options)).not.toBe(dateTimeFormat('en-GB', { ...options, month: 'long' }));
    expect(dateTimeFormat('en-GB', options)).not.toBe(dateTimeFormat('ar-u-nu-latn', options));
    expect(numberFormat('en-GB')).toBe(numberFormat('en-GB'));
    expect(pluralRules('ar-u-nu-latn')).toBe(pluralRules('ar-u-nu-latn'));
  });

  it('follow a switch to Arabic-Indic digits rather than keep the Latin ones', () => {
    const day = dayOfDate('2019-12-20');
    setArabicDigits('latn');
    expect(formatDay(day, 'ar-u-nu-latn')).toContain('2019');
    expect(formatNumber(42, 'ar')).toBe('42');
    setArabicDigits('arab');
    expect(formatNumber(42, 'ar')).toBe('٤٢');
    setArabicDigits('latn');
    expect(formatNumber(42, 'ar')).toBe('42');
  });
});
