/**
 * Intl's formatters, made once per locale and options. Constructing one loads locale data and costs
 * far more than formatting with it (about 30 ms of the first load went to building the same few
 * date formatters again for every tick, label and event).
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) cache.set(key, (formatter = make()));
  return formatter;
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

export function numberFormat(locale: string): Intl.NumberFormat {
  return cached(`n|${locale}`, () => new Intl.NumberFormat(locale));
}

export function pluralRules(locale: string): Intl.PluralRules {
  return cached(`p|${locale}`, () => new Intl.PluralRules(locale));
}
