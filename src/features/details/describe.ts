/** Plain-text pieces of a feature's description, shared by the panel and the tooltip. */
import type { StoryConfig, StoryFeature } from '../../data/schema';
import { dayOfDate, formatDay, lastDayOfDate } from '../../data/time';
import { enumLabels, strings, type Lang } from '../../i18n/strings';
import { LOCALES } from '../../i18n/format';
import { numberFormat } from '../../i18n/intl';

export function dateText(f: StoryFeature, lang: Lang): string | null {
  const p = f.properties;
  const locale = LOCALES[lang];
  if (p.kind === 'front-line') return formatDay(dayOfDate(p.snapshot), locale, p.datePrecision);
  if (!('start' in p)) return null;
  const from = formatDay(dayOfDate(p.start), locale, p.datePrecision);
  if (!p.end || lastDayOfDate(p.end) === dayOfDate(p.start)) return from;
  const to = formatDay(lastDayOfDate(p.end), locale, p.datePrecision);
  return lang === 'ar' ? `من ${from} إلى ${to}` : `${from} – ${to}`;
}

export function actorName(config: StoryConfig | null, id: string | undefined, lang: Lang): string | undefined {
  if (!id) return undefined;
  return config?.actors.find((a) => a.id === id)?.name[lang] ?? id;
}

export function weaponName(config: StoryConfig | null, id: string, lang: Lang): string {
  return config?.weapons.find((w) => w.id === id)?.name[lang] ?? id;
}

export function kindLabel(f: StoryFeature, lang: Lang): string {
  const p = f.properties;
  const labels = enumLabels[lang];
  if (p.kind === 'event') return labels[`category.${p.category}`];
  return labels[`kind.${p.kind}`];
}

export function paragraphsText(paragraphs: number[], lang: Lang): string {
  const nf = numberFormat(LOCALES[lang]);
  const prefix = strings[lang].paragraphPrefix;
  const sep = lang === 'ar' ? '، ' : ', ';
  return paragraphs.map((n) => `${prefix} ${nf.format(n)}`).join(sep);
}
