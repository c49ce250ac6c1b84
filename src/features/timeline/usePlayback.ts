import { useEffect } from 'react';
import { useStoreApi, SPEEDS } from '../../state/store';

/**
 * Advances the date while playing, at the chosen speed in days per second, and stops at the end.
 * Pauses while the page is hidden (another tab), or while the map is scrolled out of sight (an embed
 * further up or down its host's page), and picks up at the same date when it is seen again.
 */
export function usePlayback(lastDay: number) {
  const store = useStoreApi();
  useEffect(() => {
    let frame = 0;
    let previous: number | null = null;
    let carried = 0;
    // In an iframe, the root element's intersection is with the host page's viewport.
    let offscreen = false;
    const observer =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver((entries) => {
            offscreen = !entries[entries.length - 1].isIntersecting;
          });
    observer?.observe(document.documentElement);
    const tick = (now: number) => {
      const state = store.getState();
      if (!state.playing) {
        previous = null;
        return;
      }
      if (previous !== null && !document.hidden && !offscreen) {
        carried += ((now - previous) / 1000) * SPEEDS[state.speed];
        const whole = Math.floor(carried);
        if (whole > 0) {
          carried -= whole;
          const next = Math.min(lastDay, state.day + whole);
          state.setDay(next);
          if (next >= lastDay) state.setPlaying(false);
        }
      }
      previous = now;
      frame = requestAnimationFrame(tick);
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.playing && !prev.playing) {
        carried = 0;
        previous = null;
        cancelAnimationFrame(frame); // one loop at a time, however fast play is toggled
        frame = requestAnimationFrame(tick);
      }
    });
    if (store.getState().playing) frame = requestAnimationFrame(tick);
    return () => {
      unsubscribe();
      observer?.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [store, lastDay]);
}
