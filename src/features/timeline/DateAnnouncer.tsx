import { useEffect, useState } from 'react';
import { useAppStore } from '../../state/store';
import { formatDay } from '../../data/time';
import { strings } from '../../i18n/strings';
import { LOCALES } from '../../i18n/format';

const SETTLE_MS = 800;

/**
 * Tells screen-reader users the date once it settles: after a drag or a key press, and when
 * playback stops, never on every frame of playback.
 */
export function DateAnnouncer() {
  const day = useAppStore((s) => s.day);
  const playing = useAppStore((s) => s.playing);
  const lang = useAppStore((s) => s.lang);
  const config = useAppStore((s) => s.config);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (playing || !config) return;
    const timer = setTimeout(() => setMessage(strings[lang].dateAnnouncement.replace('{date}', formatDay(day, LOCALES[lang]))), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [day, playing, lang, config]);
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="date-announcer">
      {message}
    </p>
  );
}
