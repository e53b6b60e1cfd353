import type { Timers } from '../../electron/core/capabilities';

/**
 * Timers that never fire on their own: a test sees what was scheduled (and for how long) and fires
 * them when it chooses, so debounces, clears and retries are tested without waiting.
 */
export class ManualTimers implements Timers {
  private next = 1;
  /** Every timer set and neither fired nor cleared, by handle. */
  readonly scheduled = new Map<number, { run: () => void; ms: number }>();

  setTimeout(run: () => void, ms: number): number {
    const handle = this.next++;
    this.scheduled.set(handle, { run, ms });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.scheduled.delete(handle as number);
  }

  /** The delays of the timers waiting now, in the order they were set. */
  pending(): number[] {
    return [...this.scheduled.values()].map((timer) => timer.ms);
  }

  /**
   * Fires every timer waiting now (timers they set wait for the next call). The promise settles once
   * I/O callbacks queued meanwhile have run, for callers whose timers start asynchronous work.
   */
  fireAll(): Promise<void> {
    const due = [...this.scheduled.values()];
    this.scheduled.clear();
    for (const timer of due) timer.run();
    return new Promise((resolve) => setImmediate(resolve));
  }
}

/** A clock and timers that move only when a test advances them: no real waiting. */
export function virtualTime(start = 1_700_000_000_000) {
  let now = start;
  let nextHandle = 1;
  const due = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    setTimeout: (run, ms) => {
      const handle = nextHandle++;
      due.set(handle, { at: now + Math.max(0, ms), run });
      return handle;
    },
    clearTimeout: (handle) => void due.delete(handle as number),
  };
  return {
    timers,
    now: () => now,
    pending: () => due.size,
    /** Moves time forward, running every timer that comes due on the way, in order. */
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const next = [...due].filter(([, timer]) => timer.at <= until).sort(([, a], [, b]) => a.at - b.at)[0];
        if (!next) break;
        due.delete(next[0]);
        now = next[1].at;
        next[1].run();
      }
      now = until;
    },
  };
}
