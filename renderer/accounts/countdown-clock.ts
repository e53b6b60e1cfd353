/**
 * The countdowns' one source of time. Every row with the same period shows the same moment
 * (periods are aligned to the epoch), so the list's timer writes a few custom properties per period
 * on the document once a second and every row reads them: the bar's length and colour, the seconds
 * left (generated content, so the text changes without React), and whether the next code shows. CSS
 * animations per row were ticked by Blink's main-thread animation timeline on every frame (60 style
 * recalcs a second over the whole list); this costs one small style pass a second instead.
 */

/** The last seconds of a period: the bar changes colour and the next code may show. */
export const ENDING_SECONDS = 5;

/** The custom properties a row of this period reads. */
export function countdownProperties(period: number) {
  return {
    fraction: `--countdown-${period}`,
    seconds: `--countdown-seconds-${period}`,
    tone: `--countdown-tone-${period}`,
    ink: `--countdown-ink-${period}`,
    next: `--countdown-next-${period}`,
  };
}

/** Whole seconds left in the period at `now` (period … 1). */
export function secondsLeft(now: number, period: number): number {
  return period - Math.floor((now % (period * 1000)) / 1000);
}

/** The part of the current period still left at `now`, stepped down once a second (1 → 1/period). */
export function remainingFraction(now: number, period: number): number {
  return secondsLeft(now, period) / period;
}

/** The next whole second of `now`: when the countdowns next change. */
export function nextSecond(now: number): number {
  return Math.floor(now / 1000) * 1000 + 1000;
}

/** The value of each property for a period at `now`. */
export function countdownValues(now: number, period: number, preview: boolean): Record<string, string> {
  const names = countdownProperties(period);
  const left = secondsLeft(now, period);
  const ending = left <= ENDING_SECONDS && period > ENDING_SECONDS;
  return {
    [names.fraction]: remainingFraction(now, period).toFixed(4),
    // A quoted string, read by `content:` — a CSS counter per row made every second recount the whole list.
    [names.seconds]: `"${left}"`,
    [names.tone]: ending ? 'var(--warn)' : 'var(--bar)',
    [names.ink]: ending ? 'var(--warn)' : 'var(--muted)',
    [names.next]: ending && preview ? 'inline-flex' : 'none',
  };
}

/** Writes each period's values where the rows read them; unchanged values are not rewritten. */
export function paintCountdowns(root: HTMLElement, periods: Iterable<number>, now: number, preview: boolean): void {
  for (const period of new Set(periods)) {
    for (const [property, value] of Object.entries(countdownValues(now, period, preview))) {
      if (root.style.getPropertyValue(property) !== value) root.style.setProperty(property, value);
    }
  }
}
