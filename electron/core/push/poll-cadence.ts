/**
 * When to poll next, as a pure function of what happened: fast right after the person was active,
 * slower when idle, never while the machine is locked or asleep, later after errors, and never before
 * the org's rate-limit window resets.
 */
export interface CadencePolicy {
  /** Interval while the person was active within `activeWindowMs`. */
  activeIntervalMs: number;
  /** Interval otherwise; 45 s keeps an idle enrolment near 80 polls an hour. */
  idleIntervalMs: number;
  activeWindowMs: number;
  /** Each interval is shortened by up to this fraction, so many clients do not poll in lockstep. */
  jitter: number;
  errorBaseMs: number;
  errorCapMs: number;
}

export const DEFAULT_CADENCE: CadencePolicy = {
  activeIntervalMs: 2_000,
  idleIntervalMs: 45_000,
  activeWindowMs: 120_000,
  jitter: 0.2,
  errorBaseMs: 5_000,
  errorCapMs: 300_000,
};

export interface CadenceState {
  /** Epoch ms of the person's last activity (input, opening the window, unlocking). */
  lastActivityAt: number;
  /** Screen locked, machine asleep, or vault locked. */
  paused: boolean;
  consecutiveErrors: number;
  /** No poll before this epoch ms (a rate-limit reset). */
  notBefore: number;
}

function isActive(state: CadenceState, now: number, policy: CadencePolicy): boolean {
  return now - state.lastActivityAt < policy.activeWindowMs;
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
    const interval = isActive(state, now, policy) ? policy.activeIntervalMs : policy.idleIntervalMs;
    delay = interval * (1 - policy.jitter * random());
  }
  return Math.max(Math.round(delay), state.notBefore - now, 0);
}
