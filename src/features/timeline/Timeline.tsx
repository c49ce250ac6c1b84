import { useMemo } from 'react';
import { useAppStore, SPEEDS, type Speed } from '../../state/store';
import { markDays, nextMarkDay, previousMarkDay, timelineMarks } from '../../state/selectors';
import { formatDay, makeTimeScale } from '../../data/time';
import { strings } from '../../i18n/strings';
import { LOCALES } from '../../i18n/format';
import { TimeSlider } from './TimeSlider';
import { usePlayback } from './usePlayback';
import { DateAnnouncer } from './DateAnnouncer';
import { TransportIcon } from './TransportIcon';

export function Timeline() {
  const config = useAppStore((s) => s.config);
  const layers = useAppStore((s) => s.layers);
  const day = useAppStore((s) => s.day);
  const lang = useAppStore((s) => s.lang);
  const playing = useAppStore((s) => s.playing);
  const speed = useAppStore((s) => s.speed);
  const setDay = useAppStore((s) => s.setDay);
  const setPlaying = useAppStore((s) => s.setPlaying);
  const setSpeed = useAppStore((s) => s.setSpeed);
  const t = strings[lang];

  const scale = useMemo(() => (config ? makeTimeScale(config.range) : null), [config]);
  const days = useMemo(() => markDays(timelineMarks(layers)), [layers]);
  usePlayback(scale?.end ?? 0);
  if (!scale) return null;

  const previous = previousMarkDay(days, day);
  const next = nextMarkDay(days, day);
  const togglePlay = () => {
    if (!playing && day >= scale.end) setDay(scale.start);
    setPlaying(!playing);
  };

  return (
    <section className="timeline" aria-label={t.timeline}>
      <div className="timeline-bar">
        <div className="timeline-buttons">
          <button type="button" className="icon-button" onClick={() => previous !== null && setDay(previous)} disabled={previous === null} aria-label={t.previousEvent} title={t.previousEvent}>
            <TransportIcon kind="previous" className="flip-rtl" />
          </button>
          <button type="button" className="icon-button play" onClick={togglePlay} aria-label={playing ? t.pause : t.play} title={playing ? t.pause : t.play} aria-pressed={playing}>
            <TransportIcon kind={playing ? 'pause' : 'play'} />
          </button>
          <button type="button" className="icon-button" onClick={() => next !== null && setDay(next)} disabled={next === null} aria-label={t.nextEvent} title={t.nextEvent}>
            <TransportIcon kind="next" className="flip-rtl" />
          </button>
          <label className="speed">
            <span className="visually-hidden">{t.speed}</span>
            <select value={speed} onChange={(e) => setSpeed(e.target.value as Speed)} aria-label={t.speed}>
              {(Object.keys(SPEEDS) as Speed[]).map((s) => (
                <option key={s} value={s}>
                  {t[`speed${s[0].toUpperCase()}${s.slice(1)}` as 'speedSlow']}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="timeline-date" data-testid="current-date">
          {formatDay(day, LOCALES[lang])}
        </p>
      </div>
      <TimeSlider scale={scale} day={day} markDays={days} lang={lang} onChange={setDay} />
      <DateAnnouncer />
    </section>
  );
}
