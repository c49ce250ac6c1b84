import { strings, type Lang } from './strings';
import type { StoryConfig } from '../data/schema';
import { dayOfDate, formatDay } from '../data/time';
import { numberFormat } from './intl';

/**
 * Locale tags for Intl. Arabic uses Latin digits by default, as Mada Masr does; `#digits=arab` in
 * the URL switches to Arabic-Indic digits (٠١٢٣) everywhere the interface writes a number or date.
 */
export const LOCALES: Record<Lang, string> = { en: 'en-GB', ar: 'ar-u-nu-latn' };

export type Digits = 'latn' | 'arab';

export function setArabicDigits(digits: Digits): void {
  LOCALES.ar = `ar-u-nu-${digits}`;
}

export function formatNumber(value: number, lang: Lang): string {
  return numberFormat(LOCALES[lang]).format(value);
}

export function detectLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ar' || base === 'en') return base;
  }
  return 'en';
}

export function dirOf(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** The story's credit line from config.json `source`: "Story: Mada Masr, December 2019". */
export function storyCredit(source: StoryConfig['source'], lang: Lang): string {
  const { published } = source;
  const when = /^\d{4}$/.test(published) ? published : formatDay(dayOfDate(published), LOCALES[lang], 'month');
  const comma = lang === 'ar' ? '، ' : ', ';
  return `${strings[lang].attributionStory}: ${source.publisher[lang]}${comma}${when}`;
}

/** The map's accessible name: the story's title, then how to read the map without seeing it. */
export function mapLabel(config: Pick<StoryConfig, 'title'> | null, lang: Lang): string {
  const generic = strings[lang].mapLabel;
  return config ? `${config.title[lang]}. ${generic}` : generic;
}
