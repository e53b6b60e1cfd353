/**
 * The longest delay setTimeout honours (2^31−1 ms, about 24.8 days). Anything larger, and
 * Infinity, fires after 1 ms instead, with a TimeoutOverflowWarning in Node: a wait a server
 * announced in the year 2100 once turned a poller into a busy loop.
 */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** `ms` as setTimeout can honour it: never negative, never past the maximum (callers re-check their deadline when woken). */
export function timerDelay(ms: number): number {
  if (Number.isNaN(ms)) throw new RangeError('A timer delay must be a number of milliseconds.');
  return Math.min(Math.max(0, ms), MAX_TIMER_DELAY_MS);
}
