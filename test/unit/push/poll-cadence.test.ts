import { describe, expect, it } from 'vitest';
import { adaptToRate, afterPoll, bucketPace, DEFAULT_CADENCE, initialCadenceState, nextPollDelay, type CadenceState } from '../../../electron/core/push/poll-cadence';
import { PollLoop, type PollOutcome } from '../../../electron/core/push/poll-loop';

/** Timers on an injected clock: tests move time, nothing sleeps. */
class FakeTime {
  now = 1_000_000;
  private queue: { at: number; run: () => void; id: number }[] = [];
  private nextId = 1;
  readonly timers = {
    setTimeout: (run: () => void, ms: number) => {
      const id = this.nextId++;
      this.queue.push({ at: this.now + ms, run, id });
      return id;
    },
    clearTimeout: (handle: unknown) => {
      this.queue = this.queue.filter((t) => t.id !== handle);
    },
  };

  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      this.queue.sort((a, b) => a.at - b.at);
      const next = this.queue[0];
      if (!next || next.at > end) break;
      this.queue.shift();
      this.now = next.at;
      next.run();
      await flush();
    }
    this.now = end;
  }
}

const flush = async () => {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
};

function loop(time: FakeTime, poll: () => Promise<PollOutcome>, random = () => 0.5) {
  return new PollLoop({ poll, now: () => time.now, timers: time.timers, random });
}

const state = (over: Partial<CadenceState> = {}): CadenceState => initialCadenceState(over);

describe('the poll cadence', () => {
  it('polls at the active interval just after activity and at the idle interval later, shortened only by jitter', () => {
    const active = nextPollDelay(state({ fastUntil: 1000 + DEFAULT_CADENCE.activeWindowMs }), 1000, () => 1);
    const idle = nextPollDelay(state(), 10 * 60_000, () => 0);
    expect(active).toBe(DEFAULT_CADENCE.activeIntervalMs * (1 - DEFAULT_CADENCE.jitter));
    expect(idle).toBe(DEFAULT_CADENCE.idleIntervalMs);
  });

  it('keeps an idle enrolment under 120 polls an hour even at the shortest jitter', () => {
    const shortest = nextPollDelay(state(), 10 * 60_000, () => 1) ?? 0;
    expect(3_600_000 / shortest).toBeLessThan(120);
  });

  it('backs off on consecutive errors up to a ceiling', () => {
    const delays = [1, 2, 3, 10].map((n) => nextPollDelay(state({ consecutiveErrors: n }), 0, () => 1));
    expect(delays).toEqual([5_000, 10_000, 20_000, 300_000]);
  });

  it('never polls before a rate-limit reset, and not at all while paused', () => {
    expect(nextPollDelay(state({ fastUntil: 1, notBefore: 50_000 }), 0, () => 0)).toBe(50_000);
    expect(nextPollDelay(state({ paused: true }), 0, () => 0)).toBeNull();
  });
});

describe('when a sign-in is likely', () => {
  it('polls fast while the popup is open, however long, and at the idle interval once it closes', () => {
    const later = 60 * 60_000;
    expect(nextPollDelay(state({ watching: true }), later, () => 0)).toBe(DEFAULT_CADENCE.activeIntervalMs);
    expect(nextPollDelay(state({ watching: false }), later, () => 0)).toBe(DEFAULT_CADENCE.idleIntervalMs);
  });

  it('polls at the warm interval for a while after a request arrived or was answered, then idles; keyboard use is not a reason', async () => {
    const time = new FakeTime();
    const poller = loop(time, async () => ({ ok: true }));
    poller.start();
    await flush();
    await time.advance(DEFAULT_CADENCE.activeWindowMs + DEFAULT_CADENCE.idleIntervalMs);
    poller.expectMore();
    expect((poller.nextAt ?? 0) - time.now).toBeLessThanOrEqual(DEFAULT_CADENCE.warmIntervalMs);
    await time.advance(DEFAULT_CADENCE.burstWindowMs - 10_000);
    expect((poller.nextAt ?? 0) - time.now).toBeLessThanOrEqual(DEFAULT_CADENCE.warmIntervalMs);
    await time.advance(10_000 + DEFAULT_CADENCE.warmIntervalMs);
    expect((poller.nextAt ?? 0) - time.now).toBeGreaterThan(DEFAULT_CADENCE.warmIntervalMs);
    poller.stop();
  });

  it('after an unlock: fast for the active window, then warm for a few minutes (people sign in to what they left), then idle', async () => {
    const time = new FakeTime();
    const poller = loop(time, async () => ({ ok: true }));
    poller.start();
    await flush();
    poller.pause();
    await time.advance(3_600_000);
    poller.resume();
    await flush();
    expect((poller.nextAt ?? 0) - time.now).toBeLessThanOrEqual(DEFAULT_CADENCE.activeIntervalMs);
    await time.advance(DEFAULT_CADENCE.activeWindowMs + DEFAULT_CADENCE.activeIntervalMs);
    expect((poller.nextAt ?? 0) - time.now).toBeGreaterThan(DEFAULT_CADENCE.activeIntervalMs);
    expect((poller.nextAt ?? 0) - time.now).toBeLessThanOrEqual(DEFAULT_CADENCE.warmIntervalMs);
    await time.advance(DEFAULT_CADENCE.unlockWarmWindowMs);
    expect((poller.nextAt ?? 0) - time.now).toBeGreaterThan(DEFAULT_CADENCE.warmIntervalMs);
    poller.stop();
  });
});

describe('sharing the org’s bucket (X-Rate-Limit-* on every poll)', () => {
  const MINUTE = 60_000;
  /** An answer `elapsed` ms into a one-minute window that has used `used` of a 10,000 bucket. */
  const answer = (now: number, elapsed: number, used: number) => ({ limited: false, limit: 10_000, remaining: 10_000 - used, resetAt: now - elapsed + MINUTE });

  it('reads the pace: the share of the bucket the org would use over the whole window at this window’s rate so far', () => {
    expect(bucketPace(answer(0, 30_000, 2_000), 0)).toBeCloseTo(0.4);
    expect(bucketPace(answer(0, 60_000, 2_000), 0)).toBeCloseTo(0.2);
    // The first few requests of a window are not read as a flood.
    expect(bucketPace(answer(0, 1_000, 100), 0)).toBeCloseTo(0.06);
    expect(bucketPace({ limited: false, limit: 10_000, remaining: 7_000 }, 0)).toBeCloseTo(0.3);
    expect(bucketPace({ limited: false }, 0)).toBeUndefined();
  });

  it('cuts idle polling by the overshoot (at most half) above the target pace, fast polling too when the bucket is nearly gone, and a 429 quarters both', () => {
    const mild = state();
    adaptToRate(mild, answer(0, 30_000, 2_500), 0);
    expect(mild.slowdown.idle).toBeCloseTo(0.5 / DEFAULT_CADENCE.idleTargetPace);
    expect(mild.slowdown.fast).toBe(1);
    const crowded = state();
    adaptToRate(crowded, answer(0, 30_000, 4_500), 0);
    expect(crowded.slowdown).toEqual({ idle: 2, fast: 1.5 });
    const refused = state();
    adaptToRate(refused, { limited: true }, 0);
    expect(refused.slowdown).toEqual({ idle: 4, fast: 4 });
    const floor = state({ slowdown: { idle: DEFAULT_CADENCE.maxSlowdown, fast: DEFAULT_CADENCE.maxFastSlowdown } });
    adaptToRate(floor, { limited: true }, 0);
    expect(floor.slowdown).toEqual({ idle: DEFAULT_CADENCE.maxSlowdown, fast: DEFAULT_CADENCE.maxFastSlowdown });
  });

  it('slows down once per rate-limit window however often it polls in it', () => {
    const s = state();
    for (let i = 0; i < 10; i += 1) adaptToRate(s, answer(i * 2_000, 30_000 + i * 2_000, 4_500), i * 2_000);
    expect(s.slowdown).toEqual({ idle: 2, fast: 1.5 });
  });

  it('regains the rate additively, by time since the last change, never more than doubling it at once', () => {
    const s = state({ slowdown: { idle: 10, fast: 1 }, adjustedAt: 0 });
    adaptToRate(s, answer(MINUTE, 30_000, 500), MINUTE);
    expect(1 / s.slowdown.idle).toBeCloseTo(0.1 + DEFAULT_CADENCE.raiseStep);
    const long = state({ slowdown: { idle: 10, fast: 4 }, adjustedAt: 0 });
    adaptToRate(long, answer(3_600_000, 30_000, 500), 3_600_000);
    expect(long.slowdown).toEqual({ idle: 5, fast: 2 });
    const unchanged = state({ slowdown: { idle: 3, fast: 1 } });
    adaptToRate(unchanged, { limited: false }, 0);
    expect(unchanged.slowdown).toEqual({ idle: 3, fast: 1 });
  });

  it('stretches idle polling by its slow-down, warm polling by a third of it, fast polling only by its own', () => {
    const slowed = { slowdown: { idle: 6, fast: 1 } };
    expect(nextPollDelay(state(slowed), 0, () => 0)).toBe(6 * DEFAULT_CADENCE.idleIntervalMs);
    expect(nextPollDelay(state({ ...slowed, burstUntil: 1 }), 0, () => 0)).toBe((6 / DEFAULT_CADENCE.warmYield) * DEFAULT_CADENCE.warmIntervalMs);
    expect(nextPollDelay(state({ ...slowed, watching: true }), 0, () => 0)).toBe(DEFAULT_CADENCE.activeIntervalMs);
  });

  it('comes back after an announced reset at a moment of its own, never before it', () => {
    const s = state();
    afterPoll(s, { ok: true, notBefore: 90_000 }, 0, () => 0.5);
    expect(s.notBefore).toBe(90_000 + DEFAULT_CADENCE.resetSpreadMs / 2);
    afterPoll(s, { ok: true, notBefore: 90_000 }, 0, () => 0);
    expect(s.notBefore).toBe(90_000);
    afterPoll(s, { ok: true }, 0, () => 0.5);
    expect(s.notBefore).toBe(0);
  });

  it('the loop applies what each answer says', async () => {
    const time = new FakeTime();
    const poller = loop(time, async () => ({ ok: true, rate: { limited: false, limit: 100, remaining: 10, resetAt: time.now } }));
    poller.start();
    await flush();
    expect(poller.slowdown).toEqual({ idle: 2, fast: 1.5 });
    poller.stop();
  });
});

describe('the poll loop', () => {
  it('never has more than one poll in flight, however often it is asked', async () => {
    const time = new FakeTime();
    let inFlight = 0;
    let most = 0;
    let release: () => void = () => undefined;
    const poller = loop(time, () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      return new Promise<PollOutcome>((resolve) => (release = () => { inFlight -= 1; resolve({ ok: true }); }));
    });
    poller.start();
    const joined = [poller.pollNow(), poller.pollNow()];
    poller.activity();
    release();
    await Promise.all(joined);
    expect(most).toBe(1);
    poller.stop();
  });

  it('pauses while locked and catches up with one poll on wake', async () => {
    const time = new FakeTime();
    const polls: number[] = [];
    const poller = loop(time, async () => {
      polls.push(time.now);
      return { ok: true };
    });
    poller.start();
    await flush();
    poller.pause();
    await time.advance(3_600_000);
    expect(polls).toHaveLength(1);
    poller.resume();
    await flush();
    expect(polls).toHaveLength(2);
    expect(polls[1]).toBe(1_000_000 + 3_600_000);
    poller.stop();
  });

  it('sends nothing before the rate-limit reset the org announced', async () => {
    const time = new FakeTime();
    const polls: number[] = [];
    const resetAt = 1_000_000 + 90_000;
    const poller = loop(time, async () => {
      polls.push(time.now);
      return polls.length === 1 ? { ok: true, notBefore: resetAt } : { ok: true };
    });
    poller.start();
    await flush();
    poller.activity();
    await poller.pollNow();
    // The loop's random() is 0.5: it comes back half the spread after the reset.
    const back = resetAt + DEFAULT_CADENCE.resetSpreadMs / 2;
    await time.advance(back - 1 - time.now);
    expect(polls).toEqual([1_000_000]);
    await time.advance(1);
    expect(polls).toEqual([1_000_000, back]);
    poller.stop();
  });

  it('speeds up when the person becomes active while idle polling is scheduled', async () => {
    const time = new FakeTime();
    const polls: number[] = [];
    const poller = loop(time, async () => {
      polls.push(time.now);
      return { ok: true };
    });
    poller.start();
    await flush();
    await time.advance(DEFAULT_CADENCE.activeWindowMs + DEFAULT_CADENCE.idleIntervalMs);
    expect((poller.nextAt ?? 0) - time.now).toBeGreaterThan(DEFAULT_CADENCE.activeIntervalMs);
    poller.activity();
    expect((poller.nextAt ?? 0) - time.now).toBeLessThanOrEqual(DEFAULT_CADENCE.activeIntervalMs);
    const before = polls.length;
    await time.advance(DEFAULT_CADENCE.activeIntervalMs);
    expect(polls.length).toBe(before + 1);
    poller.stop();
  });
});
