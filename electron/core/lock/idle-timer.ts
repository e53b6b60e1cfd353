import type { Timers } from '../capabilities';

/**
 * Calls onIdle once no activity was seen for `limitMs`. Activity only records a timestamp: the one
 * pending timer checks, when it fires, whether the limit has really passed and otherwise waits for
 * the rest, so frequent calls cost nothing.
 */
export class IdleTimer {
  private lastActivity: number;
  private limitMs = 0;
  private handle: unknown;
  private armed = false;

  constructor(
    private readonly timers: Timers,
    private readonly now: () => number,
    private readonly onIdle: () => void,
  ) {
    this.lastActivity = now();
  }

  /** 0 turns idle locking off. */
  setLimit(limitMs: number): void {
    this.limitMs = Math.max(0, limitMs);
    if (this.armed) this.schedule();
  }

  /** Starts counting from now (after an unlock). */
  start(): void {
    this.armed = true;
    this.lastActivity = this.now();
    this.schedule();
  }

  touch(): void {
    this.lastActivity = this.now();
  }

  stop(): void {
    this.armed = false;
    this.cancel();
  }

  private cancel(): void {
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
  }

  private schedule(): void {
    this.cancel();
    if (!this.armed || this.limitMs <= 0) return;
    const remaining = Math.max(0, this.lastActivity + this.limitMs - this.now());
    this.handle = this.timers.setTimeout(() => this.fire(), remaining);
  }

  private fire(): void {
    this.handle = undefined;
    if (!this.armed || this.limitMs <= 0) return;
    if (this.now() - this.lastActivity >= this.limitMs) {
      this.armed = false;
      this.onIdle();
    } else {
      this.schedule();
    }
  }
}
