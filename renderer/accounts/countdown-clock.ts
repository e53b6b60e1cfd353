/**
 * The countdowns' one source of time. Every row with the same period shows the same moment
 * (periods are aligned to the epoch), so the list's timer writes a few custom properties once a
 * second and the row reads them: the bar's length and colour, the seconds left (generated content,
 * so the text changes without React), and whether the next code shows. CSS animations per row were
 * ticked by Blink's main-thread animation timeline on every frame (60 style recalcs a second over
 * the whole list). The values are written on each element that shows a code with its countdown
 * (it carries `data-countdown` with its period), not on the document: a custom property changed on
 * the document restyles every element under it each second, this only the few dozen under the rows
 * that are in the page.
 */
import type { CSSProperties } from 'react';

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

/** The values written last, per period: an element that mounts between two ticks starts from them. */
const latest = new Map<number, Record<string, string>>();

/** Props for the element around a code and its countdown: its period, and the values as they are now. */
export function countdownScope(period: number): { 'data-countdown': number; style: CSSProperties } {
  return { 'data-countdown': period, style: { ...latest.get(period) } as CSSProperties };
}

/** Writes each period's values on the elements that show it; unchanged values are not rewritten. */
export function paintCountdowns(scope: ParentNode, periods: Iterable<number>, now: number, preview: boolean): void {
  for (const period of new Set(periods)) latest.set(period, countdownValues(now, period, preview));
  for (const element of scope.querySelectorAll<HTMLElement>('[data-countdown]')) {
    const values = latest.get(Number(element.dataset.countdown)) ?? {};
    for (const [property, value] of Object.entries(values)) {
      if (element.style.getPropertyValue(property) !== value) element.style.setProperty(property, value);
    }
  }
}
