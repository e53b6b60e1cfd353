/**
 * Estimates how far the server's clock is from ours, from the HTTP `Date` header.
 * `Date` has one-second resolution and was stamped somewhere between sending and receiving,
 * so each sample bounds the skew to an interval; the estimate is its middle, and the lower
 * bound is kept for decisions that must not be early (waiting for a rate-limit reset).
 */
export class ClockSkew {
  private sample: { lowMs: number; highMs: number } | undefined;

  observe(dateHeader: string | null, sentAtMs: number, receivedAtMs: number): void {
    if (!dateHeader) return;
    const serverMs = Date.parse(dateHeader);
    if (Number.isNaN(serverMs)) return;
    this.sample = { lowMs: serverMs - receivedAtMs, highMs: serverMs + 1000 - sentAtMs };
  }

  /** Server time minus local time in milliseconds, or undefined before any `Date` was seen. */
  get skewMs(): number | undefined {
    if (!this.sample) return undefined;
    return Math.round((this.sample.lowMs + this.sample.highMs) / 2);
  }

  /** Converts a server timestamp to the earliest local time at which it has surely passed. */
  serverToLocalNotBefore(serverMs: number): number {
    return serverMs - (this.sample?.lowMs ?? 0);
  }
}
