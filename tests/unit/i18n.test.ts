import { describe, expect, it } from 'vitest';
import { enumLabels, strings } from '../../src/i18n/strings';
import { detectLang } from '../../src/i18n/format';
import { EventCategory, LAYER_IDS } from '../../src/data/schema';

describe('dictionaries', () => {
  it('have the same keys in both languages, none empty', () => {
    expect(Object.keys(strings.ar).sort()).toEqual(Object.keys(strings.en).sort());
    expect(Object.keys(enumLabels.ar).sort()).toEqual(Object.keys(enumLabels.en).sort());
    for (const dict of [strings.ar, strings.en, enumLabels.ar, enumLabels.en])
      for (const [key, value] of Object.entries(dict)) expect(value, key).not.toBe('');
  });

  it('label every layer and event category the data can hold', () => {
    for (const id of LAYER_IDS) expect(enumLabels.en[`layer.${id}`]).toBeTruthy();
    for (const c of EventCategory.options) expect(enumLabels.ar[`category.${c}`]).toBeTruthy();
  });

  it('Arabic strings are written in Arabic script', () => {
    const arabic = /[\u0600-\u06ff]/;
    const latinOnly = Object.entries(strings.ar).filter(([key, v]) => !arabic.test(v) && key !== 'switchLanguage' && key !== 'switchLanguageLabel');
    expect(latinOnly).toEqual([]);
  });

  it('picks the reader language from the browser, English otherwise', () => {
    expect(detectLang(['ar-EG', 'en'])).toBe('ar');
    expect(detectLang(['fr-FR', 'en-US'])).toBe('en');
    expect(detectLang(['de'])).toBe('en');
  });
});
