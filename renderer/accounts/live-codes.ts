import type { LiveCode } from '../../shared/accounts';

/** When a code stops being valid, in epoch milliseconds. */
export function boundaryOf(code: LiveCode): number {
  return code.periodStart + code.period * 1000;
}

/** The earliest boundary in the list: the one moment the list's single timer has to wake up. */
export function nextBoundary(codes: Iterable<LiveCode>): number | undefined {
  let earliest: number | undefined;
  for (const code of codes) {
    const boundary = boundaryOf(code);
    if (earliest === undefined || boundary < earliest) earliest = boundary;
  }
  return earliest;
}

/**
 * Codes at `now`: each one whose period ended moves on to the `next` code main already sent,
 * so the list changes at the boundary without waiting for a round trip. A code whose next period
 * is over too (the machine slept) has nothing valid to show until fresh codes arrive.
 * Unchanged entries keep their identity so their rows do not re-render.
 */
export function flipCodes(codes: Record<string, LiveCode>, now: number): Record<string, LiveCode> {
  let changed = false;
  const result: Record<string, LiveCode> = {};
  for (const [id, code] of Object.entries(codes)) {
    const boundary = boundaryOf(code);
    if (now < boundary) {
      result[id] = code;
      continue;
    }
    changed = true;
    const valid = now < boundary + code.period * 1000 && code.next !== '';
    result[id] = { ...code, code: valid ? code.next : '', next: '', periodStart: valid ? boundary : periodStartAt(now, code.period) };
  }
  return changed ? result : codes;
}

function periodStartAt(now: number, period: number): number {
  const ms = period * 1000;
  return Math.floor(now / ms) * ms;
}

/** Fresh codes from main, keeping the old object when nothing about a code changed. */
export function mergeCodes(current: Record<string, LiveCode>, fresh: readonly LiveCode[]): Record<string, LiveCode> {
  const result: Record<string, LiveCode> = {};
  for (const code of fresh) {
    const old = current[code.id];
    const same = old && old.code === code.code && old.next === code.next && old.periodStart === code.periodStart && old.period === code.period;
    result[code.id] = same ? old : code;
  }
  return result;
}

/** 123456 → ['123', '456'], 12345678 → ['1234', '5678']; Steam's 5 characters stay whole. */
export function groupCode(code: string): string[] {
  if (code.length < 6) return [code];
  const half = Math.ceil(code.length / 2);
  return [code.slice(0, half), code.slice(half)];
}
