/**
 * The story's clock. Dates are whole UTC days since 1970-01-01 ("days"): small integers that fit
 * a GPU float exactly, compare with < and step with +1.
 */
import { dateTimeFormat } from '../i18n/intl';
import { memoizeString } from './memo';

const MS_PER_DAY = 86_400_000;

export type Precision = 'day' | 'month' | 'approximate';

/** First day of a YYYY, YYYY-MM or YYYY-MM-DD date. */
export const dayOfDate = memoizeString((value: string): number => {
  const [y, m = 1, d = 1] = value.split('-').map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
});

/** Last day covered by a partial date: 2019-08 ends on 31 August. */
export function lastDayOfDate(value: string): number {
  const parts = value.split('-').map(Number);
  if (parts.length === 3) return dayOfDate(value);
  if (parts.length === 2) return Math.floor(Date.UTC(parts[0], parts[1], 1) / MS_PER_DAY) - 1;
  return Math.floor(Date.UTC(parts[0] + 1, 0, 1) / MS_PER_DAY) - 1;
}

export function isoOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Strict YYYY-MM-DD parse for untrusted input: null unless it names a real day. */
export function parseIsoDay(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const day = dayOfDate(value);
  return isoOfDay(day) === value ? day : null;
}

export function clampDay(day: number, min: number, max: number): number {
  if (Number.isNaN(day)) return min; // never let a NaN reach the slider or the map's filters
  return Math.min(max, Math.max(min, Math.round(day)));
}

/** The date in words, in the reader's language, as precise as we know it. */
export function formatDay(day: number, locale: string, precision: Precision = 'day'): string {
  const date = new Date(day * MS_PER_DAY);
  const options: Intl.DateTimeFormatOptions =
    precision === 'day'
      ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  const text = dateTimeFormat(locale, options).format(date);
  return precision === 'approximate' ? `~ ${text}` : text;
}

export interface TimeScale {
  contextStart: number;
  start: number;
  end: number;
  /** Share of the slider's length given to the years before the story proper. */
  contextShare: number;
}

export function makeTimeScale(range: { contextStart: string; start: string; end: string }): TimeScale {
  const contextStart = dayOfDate(range.contextStart);
  const start = dayOfDate(range.start);
  return {
    contextStart,
    start,
    end: lastDayOfDate(range.end),
    contextShare: contextStart < start ? 0.08 : 0,
  };
}

/** Where a day sits along the slider, 0 to 1. The context years are squeezed into the first part. */
export function positionOfDay(scale: TimeScale, day: number): number {
  const { contextStart, start, end, contextShare } = scale;
  const d = clampDay(day, contextStart, end);
  if (d < start) return (contextShare * (d - contextStart)) / (start - contextStart);
  return contextShare + ((1 - contextShare) * (d - start)) / Math.max(1, end - start);
}

export function dayAtPosition(scale: TimeScale, position: number): number {
  const { contextStart, start, end, contextShare } = scale;
  const p = Math.min(1, Math.max(0, position));
  if (p < contextShare) return Math.round(contextStart + (p / contextShare) * (start - contextStart));
  return Math.round(start + ((p - contextShare) / (1 - contextShare)) * (end - start));
}

/** Days over which an event fades from full strength to a faint trace after it ends. */
export const FADE_DAYS = 45;
/** How strongly a long-past event still shows, so the reader sees where things happened. */
export const TRACE_OPACITY = 0.25;

/**
 * How strongly an event that runs from `start` to `end` shows on `day`: hidden before it starts,
 * full while it lasts, then fading to a trace.
 */
export function opacityAt(day: number, start: number, end: number): number {
  if (day < start) return 0;
  if (day <= end) return 1;
  return Math.max(TRACE_OPACITY, 1 - (day - end) / FADE_DAYS);
}

/** First and last day of a dated feature; an undated one lasts for ever. */
export function spanOf(p: { start?: string; end?: string }): [number, number] {
  if (!p.start) return [-Infinity, Infinity];
  return [dayOfDate(p.start), p.end ? lastDayOfDate(p.end) : dayOfDate(p.start)];
}
