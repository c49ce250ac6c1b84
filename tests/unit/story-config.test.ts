/** The story-specific words of the page come from config.json; the dictionaries hold only generic ones. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { strings } from '../../src/i18n/strings';
import { mapLabel, storyCredit } from '../../src/i18n/format';
import { parseConfig } from '../../src/data/validate';

const config = parseConfig('config.json', JSON.parse(readFileSync('data/config.json', 'utf8'))).config!;

describe('story configuration', () => {
  it('credits the shipped story to its source, in both languages', () => {
    expect(storyCredit(config.source, 'en')).toBe('Story: Mada Masr, December 2019');
    expect(storyCredit(config.source, 'ar')).toBe('القصة: مدى مصر، ديسمبر 2019');
  });

  it('credits another story to its own source, as precisely as its date is known', () => {
    const source = { publisher: { ar: 'ناشر', en: 'Another Paper' }, title: { ar: 'ع', en: 't' }, published: '2020-06' };
    expect(storyCredit(source, 'en')).toBe('Story: Another Paper, June 2020');
    expect(storyCredit({ ...source, published: '2011' }, 'en')).toBe('Story: Another Paper, 2011');
  });

  it('names the map after the story, with a generic label before the config arrives', () => {
    expect(mapLabel(config, 'en')).toMatch(/^The 2019 battle for Tripoli, mapped\. Interactive map\./);
    expect(mapLabel(null, 'ar')).toBe(strings.ar.mapLabel);
  });

  it('keeps the dictionaries free of one story: no publisher, place or title in the interface strings', () => {
    for (const lang of ['en', 'ar'] as const)
      for (const key of ['appTitle', 'attributionStory', 'mapLabel'] as const)
        expect(strings[lang][key], `${lang}.${key}`).not.toMatch(/Mada|مدى مصر|Tripoli|طرابلس|2019/);
  });
});
