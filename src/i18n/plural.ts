/**
 * Counts in words with the right plural form: Arabic has six (zero, one, two, few, many, other),
 * chosen by Intl.PluralRules, and writes one and two as words rather than digits.
 */
import type { Lang } from './strings';
import { formatNumber, LOCALES } from './format';
import { pluralRules } from './intl';

type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export const plurals: Record<Lang, Record<'strikes' | 'killed' | 'events', Forms>> = {
  en: {
    strikes: { one: '{n} strike', other: '{n} strikes' },
    killed: { other: '{n} killed' },
    events: { one: '{n} event', other: '{n} events' },
  },
  ar: {
    strikes: { zero: 'لا غارات', one: 'غارة واحدة', two: 'غارتان', few: '{n} غارات', many: '{n} غارة', other: '{n} غارة' },
    killed: { zero: 'لا قتلى', one: 'قتيل واحد', two: 'قتيلان', few: '{n} قتلى', many: '{n} قتيلًا', other: '{n} قتيل' },
    events: { zero: 'لا أحداث', one: 'حدث واحد', two: 'حدثان', few: '{n} أحداث', many: '{n} حدثًا', other: '{n} حدث' },
  },
};

export function formatCount(n: number, what: keyof (typeof plurals)['en'], lang: Lang): string {
  const forms = plurals[lang][what];
  const rule = pluralRules(LOCALES[lang]).select(n);
  return (forms[rule] ?? forms.other).replace('{n}', formatNumber(n, lang));
}
