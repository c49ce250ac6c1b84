import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from '../state/store';
import { clampDay, dayOfDate, lastDayOfDate } from '../data/time';
import { formatHash, hashQuery, parseHash } from '../state/hash';
import { replaceUrl } from '../state/safeHistory';

const WRITE_DELAY_MS = 300;

/**
 * Mirrors the reader's state into the URL hash with replaceState, so a link always reopens what
 * the reader saw without filling the history with every step of the slider. A hash edited by hand
 * (or by a host page) is read back field by field.
 */
export function useHashSync(store: StoreApi<AppState>) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      const s = store.getState();
      if (!s.config) return;
      // A query appended after the hash by an embedding script (pym.js) is kept as it was.
      const tail = hashQuery(location.hash).toString();
      const hash = formatHash(s) + (tail ? `?${tail}` : '');
      if (hash !== location.hash) replaceUrl(hash);
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(write, WRITE_DELAY_MS);
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (
        s.day !== prev.day ||
        s.lang !== prev.lang ||
        s.selectedId !== prev.selectedId ||
        s.config !== prev.config ||
        s.view !== prev.view ||
        s.visible !== prev.visible ||
        s.layers !== prev.layers ||
        s.chapterId !== prev.chapterId
      )
        schedule();
    });
    const onHashChange = (event: HashChangeEvent) => {
      // The event carries the hash as it was set: a write of ours that was due may already have
      // replaced location.hash by the time this handler runs, and must not win over the new link.
      const parsed = parseHash(hashOf(event.newURL) ?? location.hash);
      const s = store.getState();
      const patch: Partial<AppState> = {};
      if (parsed.lang) patch.lang = parsed.lang;
      if (parsed.event !== undefined) patch.selectedId = parsed.event;
      // A chapter link opens story mode at that chapter, which then sets date, view and layers.
      if (parsed.chapter !== undefined) patch.chapterId = parsed.chapter;
      if (parsed.date !== undefined && s.config)
        patch.day = clampDay(parsed.date, dayOfDate(s.config.range.contextStart), lastDayOfDate(s.config.range.end));
      store.setState(patch);
      if (parsed.layers) s.setVisibleLayers(parsed.layers);
      if (parsed.view) s.requestView(parsed.view);
      schedule();
    };
    window.addEventListener('hashchange', onHashChange);
    return () => {
      clearTimeout(timer);
      unsubscribe();
      window.removeEventListener('hashchange', onHashChange);
    };
  }, [store]);
}

function hashOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const at = url.indexOf('#');
  return at < 0 ? '' : url.slice(at);
}
