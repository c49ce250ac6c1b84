/**
 * Whether the map is drawing, told apart from the ways it can stop: it never starts (its worker or
 * its data failed to load: an error before the first frame), it is slow to start, or the browser
 * takes its WebGL context away (and may or may not give it back). Pure timing logic, so that it can
 * be tested without a map; MapEngine feeds it the map's events.
 */
export type MapStatus =
  | { kind: 'ok' }
  /** No first frame yet, after FIRST_IDLE_TIMEOUT_MS. */
  | { kind: 'slow' }
  /** An error before the first frame: the map cannot start. */
  | { kind: 'failed'; message: string }
  /** The WebGL context was lost; the browser may give it back. */
  | { kind: 'lost' }
  /** Lost, and not given back after RESTORE_TIMEOUT_MS: only a reload helps. */
  | { kind: 'lost-for-good' };

export const FIRST_IDLE_TIMEOUT_MS = 30_000;
export const RESTORE_TIMEOUT_MS = 10_000;

export class MapHealth {
  private status: MapStatus = { kind: 'ok' };
  private started = false;
  private startTimer: ReturnType<typeof setTimeout> | undefined;
  private restoreTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly onChange: (status: MapStatus) => void,
    private readonly timeouts = { firstIdleMs: FIRST_IDLE_TIMEOUT_MS, restoreMs: RESTORE_TIMEOUT_MS },
  ) {
    this.startTimer = setTimeout(() => {
      if (!this.started && this.status.kind === 'ok') this.set({ kind: 'slow' });
    }, timeouts.firstIdleMs);
  }

  get current(): MapStatus {
    return this.status;
  }

  /** The map has drawn everything it was given. */
  idle(): void {
    if (!this.started) {
      this.started = true;
      clearTimeout(this.startTimer);
    }
    if (this.status.kind === 'slow') this.set({ kind: 'ok' });
  }

  /** An error from the map. Before the first frame it means the map cannot start. */
  error(message: string): void {
    if (!this.started && this.status.kind !== 'failed') this.set({ kind: 'failed', message });
  }

  contextLost(): void {
    clearTimeout(this.restoreTimer);
    this.set({ kind: 'lost' });
    this.restoreTimer = setTimeout(() => {
      if (this.status.kind === 'lost') this.set({ kind: 'lost-for-good' });
    }, this.timeouts.restoreMs);
  }

  contextRestored(): void {
    clearTimeout(this.restoreTimer);
    if (this.status.kind === 'lost' || this.status.kind === 'lost-for-good') this.set({ kind: 'ok' });
  }

  dispose(): void {
    clearTimeout(this.startTimer);
    clearTimeout(this.restoreTimer);
  }

  private set(status: MapStatus): void {
    this.status = status;
    this.onChange(status);
  }
}
