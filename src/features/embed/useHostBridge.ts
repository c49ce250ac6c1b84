import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from '../../state/store';
import { clampDay, dayOfDate, isoOfDay, lastDayOfDate, parseIsoDay } from '../../data/time';
import { hashQuery } from '../../state/hash';
import { isAllowedOrigin, pymMessage, PROTOCOL_VERSION, readInbound, type OutboundMessage } from './messages';

const DATE_NOTICE_MS = 250;

/**
 * Talks to the page that embeds the map: obeys its validated requests, tells it about the reader's
 * date changes, and reports the height the content needs (in our format and in pym.js's).
 * Does nothing when the map is not inside a frame.
 */
export function useHostBridge(store: StoreApi<AppState>, root: HTMLElement | null) {
  useEffect(() => {
    const parent = window.parent;
    if (parent === window) return;
    const post = (message: OutboundMessage) => parent.postMessage(message, '*');
    let hostChangedDate = false;

    const onMessage = (event: MessageEvent) => {
      // Only the page that embeds us, and only from allowed origins.
      if (event.source !== parent) return;
      const s = store.getState();
      if (!isAllowedOrigin(event.origin, s.config?.embed.allowedOrigins ?? ['*'])) return;
      const message = readInbound(event.data);
      if (!message) return;
      switch (message.type) {
        case 'tripoli-map:set-date': {
          const day = parseIsoDay(message.date);
          if (day === null || !s.config) return;
          hostChangedDate = true;
          s.setDay(clampDay(day, dayOfDate(s.config.range.contextStart), lastDayOfDate(s.config.range.end)));
          return;
        }
        case 'tripoli-map:set-view':
          return s.requestView({ center: message.center, zoom: message.zoom });
        case 'tripoli-map:select-event':
          return s.select(message.id);
        case 'tripoli-map:set-lang':
          return s.setLang(message.lang);
        case 'tripoli-map:set-layers':
          return s.setVisibleLayers(message.layers);
        case 'tripoli-map:play':
          return s.setPlaying(message.playing);
      }
    };
    window.addEventListener('message', onMessage);

    let timer: ReturnType<typeof setTimeout> | undefined;
    let announcedReady = false;
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.config && !announcedReady) {
        announcedReady = true;
        post({ type: 'tripoli-map:ready', version: PROTOCOL_VERSION, date: isoOfDay(s.day), lang: s.lang });
      }
      if (s.selectedId !== prev.selectedId) post({ type: 'tripoli-map:select', id: s.selectedId });
      if (s.day !== prev.day && s.config) {
        clearTimeout(timer);
        timer = setTimeout(() => {
          post({ type: 'tripoli-map:date-change', date: isoOfDay(store.getState().day), cause: hostChangedDate ? 'host' : 'reader' });
          hostChangedDate = false;
        }, DATE_NOTICE_MS);
      }
    });
    return () => {
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store]);

  useEffect(() => {
    const parent = window.parent;
    if (parent === window || !root) return;
    const childId = new URLSearchParams(location.search).get('childId') ?? hashQuery(location.hash).get('childId');
    let last = 0;
    const report = () => {
      const height = Math.ceil(root.getBoundingClientRect().height);
      if (height === last || height <= 0) return;
      last = height;
      parent.postMessage({ type: 'tripoli-map:height', height } satisfies OutboundMessage, '*');
      if (childId && /^[\w-]{1,100}$/.test(childId)) parent.postMessage(pymMessage(childId, 'height', height), '*');
    };
    const observer = new ResizeObserver(report);
    observer.observe(root);
    report();
    return () => observer.disconnect();
  }, [root]);
}
