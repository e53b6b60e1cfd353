/**
 * The time codes are computed at: the machine's clock corrected by an offset that the identity-provider
 * layer measures from servers' Date headers, so a drifting machine still produces accepted codes.
 */
export class Clock {
  private offsetMs = 0;

  constructor(private readonly source: () => number = Date.now) {}

  /** Corrected epoch milliseconds. */
  now(): number {
    return this.source() + this.offsetMs;
  }

  /** How far the machine's clock is behind the servers' (positive) or ahead (negative), in ms. */
  get offset(): number {
    return this.offsetMs;
  }

  setOffset(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError('clock offset must be a finite number of milliseconds');
    this.offsetMs = Math.round(ms);
  }
}
