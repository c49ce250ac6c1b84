import { useEffect } from 'react';
import { useStoreApi, SPEEDS } from '../../state/store';

/**
 * Advances the date while playing, at the chosen speed in days per second, and stops at the end.
 * Pauses while the page is hidden and picks up where it left off.
 */
export function usePlayback(lastDay: number) {
  const store = useStoreApi();
  useEffect(() => {
    let frame = 0;
    let previous: number | null = null;
    let carried = 0;
    const tick = (now: number) => {
      const state = store.getState();
      if (!state.playing) {
        previous = null;
        return;
      }
      if (previous !== null && !document.hidden) {
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
        frame = requestAnimationFrame(tick);
      }
    });
    if (store.getState().playing) frame = requestAnimationFrame(tick);
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store, lastDay]);
}
