import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { dayAtPosition, dayOfDate, formatDay, isoOfDay, positionOfDay, type TimeScale } from '../../data/time';
import { strings, type Lang } from '../../i18n/strings';
import { LOCALES } from '../../i18n/format';
import { nextMarkDay, previousMarkDay } from '../../state/selectors';
import { dateTimeFormat } from '../../i18n/intl';

interface Props {
  scale: TimeScale;
  day: number;
  markDays: number[];
  lang: Lang;
  onChange(day: number): void;
}

/**
 * A slider over the story's days. Time runs in the reading direction: left to right in English,
 * right to left in Arabic. Left/Right arrows follow what the eye sees; Up/Down always mean
 * later/earlier; PageUp/PageDown jump a month; Shift+arrow jumps to the next or previous event.
 */
export function TimeSlider({ scale, day, markDays, lang, onChange }: Props) {
  const trackRef = useRef<HTMLDivElement>(null);
  const rtl = lang === 'ar';
  const locale = LOCALES[lang];
  const t = strings[lang];
  const clamp = (d: number) => Math.min(scale.end, Math.max(scale.contextStart, d));
  const at = (d: number) => `${(positionOfDay(scale, d) * 100).toFixed(3)}%`;

  const dayFromPointer = (clientX: number) => {
    const rect = trackRef.current!.getBoundingClientRect();
    const fraction = (clientX - rect.left) / rect.width;
    return dayAtPosition(scale, rtl ? 1 - fraction : fraction);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    onChange(dayFromPointer(e.clientX));
    (e.currentTarget.querySelector('[role="slider"]') as HTMLElement | null)?.focus();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (e.currentTarget.hasPointerCapture?.(e.pointerId)) onChange(dayFromPointer(e.clientX));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const later = (step: number) => {
      if (e.shiftKey) return (step > 0 ? nextMarkDay(markDays, day) : previousMarkDay(markDays, day)) ?? day;
      return day + step;
    };
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
    let target: number | null = null;
    if (e.key === forward || e.key === 'ArrowUp') target = later(1);
    else if (e.key === backward || e.key === 'ArrowDown') target = later(-1);
    else if (e.key === 'PageUp') target = shiftMonth(day, 1);
    else if (e.key === 'PageDown') target = shiftMonth(day, -1);
    else if (e.key === 'Home') target = scale.contextStart;
    else if (e.key === 'End') target = scale.end;
    if (target === null) return;
    e.preventDefault();
    onChange(clamp(target));
  };

  const months = monthStarts(scale);
  return (
    <div className="slider" dir={rtl ? 'rtl' : 'ltr'} onPointerDown={onPointerDown} onPointerMove={onPointerMove}>
      <div className="slider-track" ref={trackRef}>
        {scale.contextShare > 0 && (
          <div className="slider-context" style={{ insetInlineStart: 0, width: at(scale.start) }} title={t.context} />
        )}
        <div className="slider-fill" style={{ insetInlineStart: 0, width: at(day) }} />
        {markDays.map((d) => (
          <span key={d} className="slider-tick" style={{ insetInlineStart: at(d) }} data-day={isoOfDay(d)} aria-hidden="true" />
        ))}
        <div
          role="slider"
          tabIndex={0}
          className="slider-thumb"
          aria-label={t.timelineDate}
          aria-valuemin={scale.contextStart}
          aria-valuemax={scale.end}
          aria-valuenow={day}
          aria-valuetext={formatDay(day, locale)}
          aria-orientation="horizontal"
          style={{ insetInlineStart: at(day) }}
          onKeyDown={onKeyDown}
        />
      </div>
      <div className="slider-labels" aria-hidden="true">
        {scale.contextShare > 0 && (
          <span className="slider-label context" style={{ insetInlineStart: 0 }}>
            {dateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }).format(scale.contextStart * 864e5)}
          </span>
        )}
        {months.map((d, i) => (
          <span key={d} className={`slider-label${i % 2 ? ' minor' : ''}`} style={{ insetInlineStart: at(d) }}>
            {dateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(d * 864e5)}
          </span>
        ))}
      </div>
    </div>
  );
}

function shiftMonth(day: number, months: number): number {
  const date = new Date(day * 864e5);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastOfMonth = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastOfMonth));
  return Math.round(target.getTime() / 864e5);
}

function monthStarts(scale: TimeScale): number[] {
  const out: number[] = [];
  const first = new Date(scale.start * 864e5);
  for (let m = 0; ; m++) {
    const d = dayOfDate(isoOfDay(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 1) / 864e5));
    if (d > scale.end) break;
    if (d >= scale.start) out.push(d);
  }
  return out;
}
