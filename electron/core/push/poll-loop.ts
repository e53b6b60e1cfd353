import type { Timers } from '../capabilities';
import { afterPoll, DEFAULT_CADENCE, initialCadenceState, nextPollDelay, type CadencePolicy, type CadenceState, type RateSignal, type Slowdown } from './poll-cadence';

export interface PollOutcome {
  ok: boolean;
  /** No poll before this epoch ms (the org's rate-limit reset), if the answer said so. */
  notBefore?: number;
  /** What the answer's X-Rate-Limit-* headers said about the org's shared bucket. */
  rate?: RateSignal;
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
    // Starting (the app opening, an enrolment made) is a moment when a sign-in is likely.
    this.state = initialCadenceState({ fastUntil: options.now() + this.policy.activeWindowMs });
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

  /** The person looked at the requests: poll fast for a while. */
  activity(): void {
    this.likely(this.policy.activeWindowMs);
  }

  /** A request arrived or was answered: another tends to follow, so poll at the warm interval for a while. */
  expectMore(): void {
    this.state.burstUntil = Math.max(this.state.burstUntil, this.options.now() + this.policy.burstWindowMs);
    this.hurry(this.policy.warmIntervalMs);
  }

  /** The popup opened (fast for as long as it is open) or closed. */
  setWatching(open: boolean): void {
    this.state.watching = open;
    if (open) this.hurry();
  }

  /** The current interval multiplier from the org's rate-limit headers, for tests and the bench. */
  get slowdown(): Slowdown {
    return this.state.slowdown;
  }

  private likely(windowMs: number): void {
    this.state.fastUntil = Math.max(this.state.fastUntil, this.options.now() + windowMs);
    this.hurry();
  }

  /** Poll sooner when the next poll is further away than `withinMs`. */
  private hurry(withinMs = this.policy.activeIntervalMs): void {
    if (!this.running || this.state.paused || this.inFlight) return;
    if (this.nextAt === undefined || this.nextAt - this.options.now() > withinMs) this.schedule();
  }

  /** Screen locked or machine asleep: no polls until resume(). */
  pause(): void {
    this.state.paused = true;
    this.cancelTimer();
  }

  /** Back from lock or sleep: one catch-up poll now, the active cadence, then the warm one for a few minutes. */
  resume(): void {
    if (!this.state.paused) return;
    this.state.paused = false;
    const now = this.options.now();
    this.state.fastUntil = Math.max(this.state.fastUntil, now + this.policy.activeWindowMs);
    this.state.burstUntil = Math.max(this.state.burstUntil, now + this.policy.unlockWarmWindowMs);
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
    afterPoll(this.state, outcome, this.options.now(), this.random, this.policy);
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
