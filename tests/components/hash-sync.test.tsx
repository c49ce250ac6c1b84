/**
 * The URL hash and the store stay in step: the reader's moves are written back after a short
 * pause, and a hash set from outside (a pasted link, a host page) is read back, even when one of
 * our own writes lands between the change and its event.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderHook } from '@testing-library/react';
import { useHashSync } from '../../src/app/useHashSync';
import { dayOfDate, isoOfDay } from '../../src/data/time';
import { loadedStore } from './fixtures';

describe('hash sync', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    history.replaceState(null, '', '#');
  });
  afterEach(() => vi.useRealTimers());

  it('writes the reader’s date into the hash after a pause', () => {
    const store = loadedStore('en', '2019-12-21');
    renderHook(() => useHashSync(store));
    store.setState({ day: dayOfDate('2019-06-26') });
    expect(location.hash).not.toContain('2019-06-26');
    vi.advanceTimersByTime(400);
    expect(location.hash).toContain('date=2019-06-26');
  });

  it('a new link wins over a write of ours that landed before its event', () => {
    const store = loadedStore('en', '2019-12-21');
    renderHook(() => useHashSync(store));
    store.setState({ day: dayOfDate('2019-04-25') });
    vi.advanceTimersByTime(400);
    // What the browser does when a write of ours runs between the link being set and its event:
    // location.hash already holds the old state again, the event still carries the new link.
    const oldUrl = location.href;
    const newUrl = `${location.origin}${location.pathname}#date=2019-09-10&lang=en`;
    window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL: oldUrl, newURL: newUrl }));
    expect(isoOfDay(store.getState().day)).toBe('2019-09-10');
    vi.advanceTimersByTime(400);
    expect(location.hash).toContain('date=2019-09-10');
  });
});
