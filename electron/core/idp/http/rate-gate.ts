export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** What one response said about the rate-limit window, in local milliseconds. */
export interface RateWindow {
  limit?: number;
  remaining?: number;
  resetAtLocalMs?: number;
}

/**
 * One gate per org or tenant, shared by every call to it. Okta counts requests per org and
 * endpoint family and answers 429 once a window is spent; sending more before the reset only
 * extends the penalty. The gate therefore holds callers (rather than failing them) while the
 * window is spent, and reserves a slot per call so concurrent callers cannot overdraw it.
 */
export class RateGate {
  private remaining: number | undefined;
  private resetAtMs: number | undefined;
  private blockedUntilMs = 0;
  private inFlight = 0;

  constructor(
    private readonly now: () => number,
    private readonly sleep: Sleep,
  ) {}

  /** Resolves when a request may be sent; the caller must call `settle` once it has an answer. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const waitMs = this.waitMs(this.now());
      if (waitMs > 0) {
        await this.sleep(waitMs, signal);
        continue;
      }
      if (this.remaining !== undefined) this.remaining -= 1;
      this.inFlight += 1;
      return;
    }
  }

  /** Records what the server said; `window` is undefined when no answer arrived. */
  settle(window: RateWindow | undefined): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (!window) return;
    if (window.resetAtLocalMs !== undefined) this.resetAtMs = window.resetAtLocalMs;
    if (window.remaining !== undefined) this.remaining = window.remaining - this.inFlight;
  }

  /** After a 429: nothing is sent to this org before `untilLocalMs`. */
  block(untilLocalMs: number): void {
    this.blockedUntilMs = Math.max(this.blockedUntilMs, untilLocalMs);
    this.remaining = 0;
    this.resetAtMs = Math.max(this.resetAtMs ?? 0, untilLocalMs);
  }

  private waitMs(nowMs: number): number {
    if (nowMs < this.blockedUntilMs) return this.blockedUntilMs - nowMs;
    if (this.remaining !== undefined && this.remaining <= 0) {
      if (this.resetAtMs !== undefined && nowMs < this.resetAtMs) return this.resetAtMs - nowMs;
      // The window has rolled over: the next answer tells us the new budget.
      this.remaining = undefined;
      this.resetAtMs = undefined;
    }
    return 0;
  }
}
