/**
 * The countdown bars' one source of time. Every row with the same period shows the same fraction
 * (periods are aligned to the epoch), so the list's timer writes one custom property per period
 * on the document once a second and each bar reads it. CSS animations per row were ticked by
 * Blink's main-thread animation timeline on every frame (60 style recalcs a second over the whole
 * list); this costs one small style pass a second instead.
 */

/** The custom property a bar of this period reads: `--countdown-30`. */
export function countdownProperty(period: number): string {
  return `--countdown-${period}`;
}

/** The part of the current period still left at `now`, stepped down once a second (1 → 1/period). */
export function remainingFraction(now: number, period: number): number {
  const elapsedSeconds = Math.floor((now % (period * 1000)) / 1000);
  return (period - elapsedSeconds) / period;
}

/** The next whole second of `now`: when the bars next change. */
export function nextSecond(now: number): number {
  return Math.floor(now / 1000) * 1000 + 1000;
}

/** Writes each period's fraction where the bars read it; unchanged values are not rewritten. */
export function paintCountdowns(root: HTMLElement, periods: Iterable<number>, now: number): void {
  for (const period of new Set(periods)) {
    const property = countdownProperty(period);
    const value = remainingFraction(now, period).toFixed(4);
    if (root.style.getPropertyValue(property) !== value) root.style.setProperty(property, value);
  }
}
