import type { Timers } from '../capabilities';
import { DEFAULT_CADENCE, nextPollDelay, type CadencePolicy, type CadenceState } from './poll-cadence';

export interface PollOutcome {
  ok: boolean;
  /** No poll before this epoch ms (the org's rate-limit reset), if the answer said so. */
  notBefore?: number;
}

export interface PollLoopOptions {
  poll: () => Promise<PollOutcome>;
  now: () => number;
  timers: Timers;
  random?: () => number;
  policy?: CadencePolicy;
}

/**
 * Drives one enrolment's polls on the cadence. One poll at a time: a poll asked for while another is
 * running joins it instead of starting a second request.
 */
export class PollLoop {
  private readonly state: CadenceState;
  private timer: unknown;
  private inFlight: Promise<void> | undefined;
  private running = false;
  private readonly policy: CadencePolicy;
  private readonly random: () => number;
  /** Epoch ms of the scheduled poll, for tests and the bench. */
  nextAt: number | undefined;

  constructor(private readonly options: PollLoopOptions) {
    this.policy = options.policy ?? DEFAULT_CADENCE;
    this.random = options.random ?? Math.random;
    this.state = { lastActivityAt: options.now(), paused: false, consecutiveErrors: 0, notBefore: 0 };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.pollNow();
  }

  stop(): void {
    this.running = false;
    this.cancelTimer();
  }

  /** The person did something: poll soon if the next poll is further away than the active interval. */
  activity(): void {
    this.state.lastActivityAt = this.options.now();
    if (!this.running || this.state.paused || this.inFlight) return;
    if (this.nextAt === undefined || this.nextAt - this.options.now() > this.policy.activeIntervalMs) this.schedule();
  }

  /** Screen locked or machine asleep: no polls until resume(). */
  pause(): void {
    this.state.paused = true;
    this.cancelTimer();
  }

  /** Back from lock or sleep: one catch-up poll now, then the active cadence. */
  resume(): void {
    if (!this.state.paused) return;
    this.state.paused = false;
    this.state.lastActivityAt = this.options.now();
    if (this.running) void this.pollNow();
  }

  /** Polls now unless a poll is running (then waits for that one), respecting a rate-limit reset. */
  pollNow(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.state.notBefore > this.options.now()) {
      this.schedule();
      return Promise.resolve();
    }
    this.cancelTimer();
    this.inFlight = this.runOnce().finally(() => {
      this.inFlight = undefined;
      if (this.running) this.schedule();
    });
    return this.inFlight;
  }

  private async runOnce(): Promise<void> {
    let outcome: PollOutcome;
    try {
      outcome = await this.options.poll();
    } catch {
      outcome = { ok: false };
    }
    this.state.consecutiveErrors = outcome.ok ? 0 : this.state.consecutiveErrors + 1;
    this.state.notBefore = outcome.notBefore ?? 0;
  }

  private schedule(): void {
    this.cancelTimer();
    const now = this.options.now();
    const delay = nextPollDelay(this.state, now, this.random, this.policy);
    if (delay === null || !this.running) return;
    this.nextAt = now + delay;
    this.timer = this.options.timers.setTimeout(() => {
      this.timer = undefined;
      void this.pollNow();
    }, delay);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.options.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.nextAt = undefined;
  }
}
