/**
 * The part of the state that lives in the URL hash. Every field is parsed on its own: a bad value
 * falls back to its default and never spoils the others.
 */
import { parseIsoDay, isoOfDay } from '../data/time';
import type { Lang } from '../i18n/strings';

export interface HashState {
  date?: number;
  lang?: Lang;
  event?: string;
}

const MAX_VALUE_LENGTH = 200;

export function parseHash(hash: string): HashState {
  // Long values are ignored field by field below, so one oversized field cannot hide the others.
  const params = new URLSearchParams(hash.replace(/^#/, '').slice(0, 100_000));
  const first = (key: string) => {
    const value = params.get(key);
    return value !== null && value.length <= MAX_VALUE_LENGTH ? value : undefined;
  };
  const state: HashState = {};
  const date = first('date');
  if (date) {
    const day = parseIsoDay(date);
    if (day !== null) state.date = day;
  }
  const lang = first('lang');
  if (lang === 'ar' || lang === 'en') state.lang = lang;
  const event = first('event');
  if (event && /^[a-z0-9][a-z0-9-]*$/.test(event)) state.event = event;
  return state;
}

export function formatHash(state: { day: number; lang: Lang; selectedId: string | null }): string {
  const params = new URLSearchParams();
  params.set('date', isoOfDay(state.day));
  params.set('lang', state.lang);
  if (state.selectedId) params.set('event', state.selectedId);
  return `#${params.toString()}`;
}
