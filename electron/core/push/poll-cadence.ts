/**
 * When to poll next, as a pure function of what happened. Fast only while a sign-in is likely: the
 * popup is open, the screen was just unlocked, a request arrived in the last few minutes or one was
 * just answered (requests come in bursts). Otherwise the idle cadence, whatever the keyboard does.
 * Never while the machine is locked or asleep, later after errors, never before the org's rate-limit
 * window resets, and every interval stretched while the org's shared bucket runs low.
 */
export interface CadencePolicy {
  /** Interval while a sign-in is likely. */
  activeIntervalMs: number;
  /** Interval otherwise; 45 s keeps an idle enrolment near 80 polls an hour. */
  idleIntervalMs: number;
  /** How long an unlock or a look at the requests keeps the fast interval. */
  activeWindowMs: number;
  /** After a request arrived the next sign-in tends to follow soon: poll at burstIntervalMs this long. */
  burstWindowMs: number;
  burstIntervalMs: number;
  /** Each interval is shortened by up to this fraction, so many clients do not poll in lockstep. */
  jitter: number;
  errorBaseMs: number;
  errorCapMs: number;
  /**
   * The org's bucket is shared by every Traykey of the company: when the share it has left
   * (X-Rate-Limit-Remaining / -Limit) falls below this, idle intervals double (up to maxSlowdown)…
   */
  slowDownBelowShare: number;
  /** …and once it is above this again, they shrink by speedUpStep per poll, back to normal. */
  speedUpAboveShare: number;
  speedUpStep: number;
  maxSlowdown: number;
  /** A 429 also doubles the fast and burst intervals, up to this: the bucket is already empty. */
  maxFastSlowdown: number;
}

export const DEFAULT_CADENCE: CadencePolicy = {
  activeIntervalMs: 2_000,
  idleIntervalMs: 45_000,
  activeWindowMs: 30_000,
  burstWindowMs: 120_000,
  burstIntervalMs: 6_000,
  jitter: 0.2,
  errorBaseMs: 5_000,
  errorCapMs: 300_000,
  slowDownBelowShare: 0.6,
  speedUpAboveShare: 0.75,
  speedUpStep: 1,
  maxSlowdown: 16,
  maxFastSlowdown: 8,
};

export interface CadenceState {
  /** Fast polling until this epoch ms (unlock, the person looking at the requests). */
  fastUntil: number;
  /** Polling at the burst interval until this epoch ms (a request arrived or was answered). */
  burstUntil: number;
  /** The popup is open: fast for as long as it stays open. */
  watching: boolean;
  /** Screen locked, machine asleep, or vault locked. */
  paused: boolean;
  consecutiveErrors: number;
  /** No poll before this epoch ms (a rate-limit reset). */
  notBefore: number;
  /** Interval multipliers (1 = normal), set by adaptToRate. */
  slowdown: Slowdown;
}

/** How much longer than normal the idle and the fast (and burst) intervals are. */
export interface Slowdown {
  idle: number;
  fast: number;
}

export const NO_SLOWDOWN: Slowdown = { idle: 1, fast: 1 };

/** What a poll's answer said about the org's bucket. */
export interface RateSignal {
  /** 429: the bucket was empty. */
  limited: boolean;
  limit?: number;
  remaining?: number;
}

export function isFast(state: CadenceState, now: number): boolean {
  return state.watching || now < state.fastUntil;
}

/**
 * Multiplicative slow-down, additive speed-up (AIMD): every client backs off hard when the shared
 * bucket runs low and recovers gently, so a whole fleet settles under the limit without talking.
 * A low share stretches idle polling only; a 429 (the bucket is empty) stretches fast polling too.
 */
export function adaptToRate(current: Slowdown, signal: RateSignal, policy: CadencePolicy = DEFAULT_CADENCE): Slowdown {
  const idleUp = Math.min(policy.maxSlowdown, current.idle * 2);
  if (signal.limited) return { idle: idleUp, fast: Math.min(policy.maxFastSlowdown, current.fast * 2) };
  if (signal.limit === undefined || signal.remaining === undefined || signal.limit <= 0) return current;
  const share = signal.remaining / signal.limit;
  if (share < policy.slowDownBelowShare) return { idle: idleUp, fast: current.fast };
  if (share > policy.speedUpAboveShare) return { idle: Math.max(1, current.idle - policy.speedUpStep), fast: Math.max(1, current.fast - policy.speedUpStep) };
  return current;
}

/** Milliseconds from `now` to the next poll, or null while paused. */
export function nextPollDelay(state: CadenceState, now: number, random: () => number, policy: CadencePolicy = DEFAULT_CADENCE): number | null {
  if (state.paused) return null;
  let delay: number;
  if (state.consecutiveErrors > 0) {
    const ceiling = Math.min(policy.errorCapMs, policy.errorBaseMs * 2 ** (state.consecutiveErrors - 1));
    // Equal jitter: at least half the ceiling, so a failing org is not hammered.
    delay = ceiling / 2 + (random() * ceiling) / 2;
  } else {
    // Idle polling is where a fleet's volume is and gives way first; fast polling is bounded by its
    // short windows and is what makes an approval appear while the person waits for it.
    const { idle, fast } = state.slowdown;
    const interval = isFast(state, now) ? policy.activeIntervalMs * fast : now < state.burstUntil ? policy.burstIntervalMs * fast : policy.idleIntervalMs * idle;
    delay = interval * (1 - policy.jitter * random());
  }
  return Math.max(Math.round(delay), state.notBefore - now, 0);
}
