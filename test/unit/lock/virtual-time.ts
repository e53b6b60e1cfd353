import type { Timers } from '../../../electron/core/capabilities';

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
