/**
 * Main's clock as the renderer estimates it. One round trip says main's time was somewhere between
 * the ask and the answer, so its midpoint is off by up to half the round trip; a slow trip (main
 * computing 500 codes, the machine busy) is a loose estimate, and a loose estimate made codes flip
 * tens of ms before or after their boundary. So the tightest estimate is kept: a new one replaces
 * it when it is tighter than the kept one has become with age, or when the two cannot both be true
 * (main's clock was corrected meanwhile).
 */

/** How fast an estimate loosens as it ages: 100 ppm, well above two clocks of one machine drifting apart. */
const DRIFT = 1e-4;

export interface OffsetEstimate {
  /** Main's clock minus ours, ms. */
  offset: number;
  /** How far off it may be, ms, when it was made. */
  error: number;
  /** When it was made, on our clock. */
  at: number;
}

/** The estimate from one round trip: asked and answered on our clock, main's time from its answer. */
export function estimateOffset(asked: number, answered: number, mainTime: number): OffsetEstimate {
  return { offset: mainTime - (asked + answered) / 2, error: (answered - asked) / 2, at: answered };
}

export function keepTighter(kept: OffsetEstimate | null, fresh: OffsetEstimate): OffsetEstimate {
  if (!kept) return fresh;
  const keptError = kept.error + (fresh.at - kept.at) * DRIFT;
  const disagree = Math.abs(fresh.offset - kept.offset) > fresh.error + keptError;
  return disagree || fresh.error <= keptError ? fresh : kept;
}
