/**
 * When to poll next, as a pure function of what happened. Fast only while a sign-in is likely: the
 * popup is open or the screen was just unlocked; at the warm interval for a few minutes after an
 * unlock or after a request arrived or was answered (people sign in right after sitting down, and
 * requests come in bursts). Otherwise the idle cadence, whatever the keyboard does. Never while the
 * machine is locked or asleep, later after errors, never before the org's rate-limit window resets,
 * and every interval stretched while the org's shared bucket is being used up too fast.
 */
export interface CadencePolicy {
  /** Interval while a sign-in is likely (popup open, just unlocked). */
  activeIntervalMs: number;
  /** Interval otherwise; 45 s keeps an idle enrolment near 80 polls an hour. */
  idleIntervalMs: number;
  /** How long an unlock or a look at the requests keeps the fast interval. */
  activeWindowMs: number;
  /** After a request arrived or was answered the next sign-in tends to follow soon: poll at warmIntervalMs this long. */
  burstWindowMs: number;
  /** After an unlock, people sign in to what they left: the warm interval this long. */
  unlockWarmWindowMs: number;
  warmIntervalMs: number;
  /** Warm polling gives way after idle polling and before fast polling: it slows by the idle slow-down divided by this. */
  warmYield: number;
  /** Each interval is shortened by up to this fraction, so many clients do not poll in lockstep. */
  jitter: number;
  /** After a 429 or an emptied bucket, the first poll lands this long after the reset at most (at random), not all at once on it. */
  resetSpreadMs: number;
  errorBaseMs: number;
  errorCapMs: number;
  /**
   * The org's bucket is shared by every Traykey of the company and by the org's other integrations.
   * Pace is the share of the bucket the org's traffic would use over a whole window at the rate it is
   * being used so far in this one. Idle polling slows down when the pace is above idleTargetPace and
   * speeds up below it (AIMD), so the fleet's idle polling fills what the rest leaves up to that pace;
   * fast polling gives way above fastCutPace (or on a 429) and recovers below fastRaisePace.
   */
  idleTargetPace: number;
  fastCutPace: number;
  fastRaisePace: number;
  raiseStep: number;
  /** Okta's buckets are per minute; the pace is read against this window. */
  rateWindowMs: number;
  /** Slowest polling: the idle interval times maxSlowdown, the fast and warm ones times maxFastSlowdown. */
  maxSlowdown: number;
  maxFastSlowdown: number;
}

export const DEFAULT_CADENCE: CadencePolicy = {
  activeIntervalMs: 2_500,
  idleIntervalMs: 45_000,
  activeWindowMs: 30_000,
  burstWindowMs: 90_000,
  unlockWarmWindowMs: 180_000,
  warmIntervalMs: 20_000,
  warmYield: 3,
  jitter: 0.2,
  resetSpreadMs: 15_000,
  errorBaseMs: 5_000,
  errorCapMs: 300_000,
  idleTargetPace: 0.4,
  fastCutPace: 0.6,
  fastRaisePace: 0.45,
  raiseStep: 0.02,
  rateWindowMs: 60_000,
  maxSlowdown: 64,
  maxFastSlowdown: 8,
};

export interface CadenceState {
  /** Fast polling until this epoch ms (unlock, the person looking at the requests). */
  fastUntil: number;
  /** Polling at the warm interval until this epoch ms (an unlock, a request arrived or was answered). */
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
  /** The rate-limit window (its reset, epoch ms) in which this client last slowed down. */
  cutWindow: number;
  /** Epoch ms of the last change of rate: speeding up grows with the time since then. */
  adjustedAt: number;
}

/** How much longer than normal the idle and the fast (and warm) intervals are. */
export interface Slowdown {
  idle: number;
  fast: number;
}

export const NO_SLOWDOWN: Slowdown = { idle: 1, fast: 1 };

export function initialCadenceState(over: Partial<CadenceState> = {}): CadenceState {
  return { fastUntil: 0, burstUntil: 0, watching: false, paused: false, consecutiveErrors: 0, notBefore: 0, slowdown: NO_SLOWDOWN, cutWindow: Number.NaN, adjustedAt: Number.NaN, ...over };
}

/** What a poll's answer said about the org's bucket. */
export interface RateSignal {
  /** 429: the bucket was empty. */
  limited: boolean;
  limit?: number;
  remaining?: number;
  /** Local epoch ms at which the window resets (X-Rate-Limit-Reset). */
  resetAt?: number;
}

export function isFast(state: CadenceState, now: number): boolean {
  return state.watching || now < state.fastUntil;
}

/**
 * The share of the bucket the org would use over a whole window at this window's pace so far. The
 * first sixth of a window counts as a sixth, so the first few requests of a window do not read as a
 * flood. Without a reset time the used share itself is the best guess.
 */
export function bucketPace(signal: RateSignal, now: number, policy: CadencePolicy = DEFAULT_CADENCE): number | undefined {
  const { limit, remaining, resetAt } = signal;
  if (limit === undefined || remaining === undefined || limit <= 0) return undefined;
  const used = Math.min(1, Math.max(0, (limit - remaining) / limit));
  if (resetAt === undefined) return used;
  const window = policy.rateWindowMs;
  const elapsed = window - Math.min(window, Math.max(0, resetAt - now));
  return used / (Math.max(elapsed, window / 6) / window);
}

/** Multiplicative decrease of the polling rate, by as much as the pace overshoots: halving at most, quartering on a 429. */
const slower = (factor: number, overshoot: number, max: number) => Math.min(max, factor * (overshoot === Number.POSITIVE_INFINITY ? 4 : Math.min(2, overshoot)));
/** Additive increase of the polling rate (1/factor) by `step` of the normal rate, never more than doubling it at once. */
const faster = (factor: number, step: number) => Math.max(1, factor / 2, 1 / (1 / factor + step));

/**
 * AIMD on the polling rate: every client cuts its rate when the shared bucket is being used up too
 * fast (by the overshoot, at most by half), and otherwise regains raiseStep of its normal rate per
 * rate-limit window that passed since its last change, so a whole fleet settles under the limit
 * without talking. Growth by time rather than per poll matters: a client slowed to one poll in half an
 * hour recovers as fast as one with the popup open. Cuts in proportion to the overshoot keep clients
 * that read a pace just above the target (as half of them do when the fleet sits on it) from being
 * thrown to the slowest cadence while others stay fast.
 */
export function adaptToRate(state: Pick<CadenceState, 'slowdown' | 'cutWindow' | 'adjustedAt'>, signal: RateSignal, now: number, policy: CadencePolicy = DEFAULT_CADENCE): void {
  const pace = signal.limited ? Number.POSITIVE_INFINITY : bucketPace(signal, now, policy);
  if (pace === undefined) return;
  const { idle, fast } = state.slowdown;
  if (pace > policy.idleTargetPace) {
    const window = signal.resetAt ?? now;
    // Once per window, and for idle polling once per its own interval: a person polling fast for a
    // while reads the same crowded minutes many times over and must not halve their idle rate each time.
    const idleSettled = Number.isNaN(state.adjustedAt) || now - state.adjustedAt >= policy.idleIntervalMs * idle;
    if (state.cutWindow === window || (!idleSettled && pace <= policy.fastCutPace)) return;
    state.cutWindow = window;
    state.adjustedAt = now;
    state.slowdown = {
      idle: slower(idle, pace / policy.idleTargetPace, policy.maxSlowdown),
      fast: pace > policy.fastCutPace ? slower(fast, pace / policy.fastCutPace, policy.maxFastSlowdown) : fast,
    };
    return;
  }
  const windows = Number.isNaN(state.adjustedAt) ? 1 : Math.max(0, now - state.adjustedAt) / policy.rateWindowMs;
  const step = policy.raiseStep * windows;
  if (step <= 0) return;
  state.adjustedAt = now;
  state.slowdown = {
    idle: faster(idle, step),
    fast: pace < policy.fastRaisePace ? faster(fast, step) : fast,
  };
}

/** What one poll's answer changes: errors, the earliest next poll, and the rate. */
export function afterPoll(state: CadenceState, outcome: { ok: boolean; notBefore?: number; rate?: RateSignal }, now: number, random: () => number, policy: CadencePolicy = DEFAULT_CADENCE): void {
  state.consecutiveErrors = outcome.ok ? 0 : state.consecutiveErrors + 1;
  // Everyone the org turned away learns the same reset: each comes back at its own moment after it.
  state.notBefore = outcome.notBefore === undefined ? 0 : outcome.notBefore + random() * policy.resetSpreadMs;
  if (outcome.rate) adaptToRate(state, outcome.rate, now, policy);
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
    const interval = isFast(state, now)
      ? policy.activeIntervalMs * fast
      : now < state.burstUntil
        ? Math.min(policy.warmIntervalMs * Math.max(fast, idle / policy.warmYield), policy.idleIntervalMs * idle)
        : policy.idleIntervalMs * idle;
    delay = interval * (1 - policy.jitter * random());
  }
  return Math.max(Math.round(delay), state.notBefore - now, 0);
}
