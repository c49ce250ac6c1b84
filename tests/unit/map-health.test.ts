/** The map's health: what the reader is told when the map fails to start, is slow, or loses WebGL. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_IDLE_TIMEOUT_MS, MapHealth, RESTORE_TIMEOUT_MS, type MapStatus } from '../../src/features/map/health';

let seen: MapStatus['kind'][];
let health: MapHealth;
beforeEach(() => {
  vi.useFakeTimers();
  seen = [];
  health = new MapHealth((s) => seen.push(s.kind));
});
afterEach(() => {
  health.dispose();
  vi.useRealTimers();
});

describe('starting', () => {
  it('says nothing when the first frame comes in time', () => {
    vi.advanceTimersByTime(FIRST_IDLE_TIMEOUT_MS - 1);
    health.idle();
    vi.advanceTimersByTime(FIRST_IDLE_TIMEOUT_MS);
    expect(seen).toEqual([]);
  });

  it('says the map is slow when no first frame comes, and takes it back when one does', () => {
    vi.advanceTimersByTime(FIRST_IDLE_TIMEOUT_MS);
    expect(seen).toEqual(['slow']);
    health.idle();
    expect(seen).toEqual(['slow', 'ok']);
  });

  it('an error before the first frame (a worker that did not load) is a failure, with its message', () => {
    const statuses: MapStatus[] = [];
    const h = new MapHealth((s) => statuses.push(s));
    h.error('Worker failed to load.');
    h.error('and another');
    expect(statuses).toEqual([{ kind: 'failed', message: 'Worker failed to load.' }]);
    // A failed map is not "slow" as well.
    vi.advanceTimersByTime(FIRST_IDLE_TIMEOUT_MS);
    expect(statuses).toHaveLength(1);
    h.dispose();
  });

  it('an error after the first frame (one missing image) is only logged', () => {
    health.idle();
    health.error('Image "x" could not be loaded');
    expect(seen).toEqual([]);
  });
});

describe('losing the WebGL context', () => {
  it('is announced, and cleared when the context comes back', () => {
    health.idle();
    health.contextLost();
    expect(seen).toEqual(['lost']);
    vi.advanceTimersByTime(RESTORE_TIMEOUT_MS - 1);
    health.contextRestored();
    vi.advanceTimersByTime(RESTORE_TIMEOUT_MS);
    expect(seen).toEqual(['lost', 'ok']);
    expect(health.current).toEqual({ kind: 'ok' });
  });

  it('offers a reload when the context never comes back', () => {
    health.idle();
    health.contextLost();
    vi.advanceTimersByTime(RESTORE_TIMEOUT_MS);
    expect(seen).toEqual(['lost', 'lost-for-good']);
    // A late restore is still welcome.
    health.contextRestored();
    expect(seen).toEqual(['lost', 'lost-for-good', 'ok']);
  });

  it('a second loss starts a fresh wait', () => {
    health.idle();
    health.contextLost();
    vi.advanceTimersByTime(RESTORE_TIMEOUT_MS / 2);
    health.contextRestored();
    health.contextLost();
    vi.advanceTimersByTime(RESTORE_TIMEOUT_MS - 1);
    expect(seen).toEqual(['lost', 'ok', 'lost']);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['lost', 'ok', 'lost', 'lost-for-good']);
  });
});
