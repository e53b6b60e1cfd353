import { describe, expect, it } from 'vitest';
import { adaptToRate, DEFAULT_CADENCE, nextPollDelay, NO_SLOWDOWN, type CadenceState } from '../../../electron/core/push/poll-cadence';
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

const state = (over: Partial<CadenceState> = {}): CadenceState => ({ fastUntil: 0, burstUntil: 0, watching: false, paused: false, consecutiveErrors: 0, notBefore: 0, slowdown: NO_SLOWDOWN, ...over });

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

  it('polls at the burst interval for a while after a request arrived or was answered, then idles; keyboard use is not a reason', async () => {
    const time = new FakeTime();
    const poller = loop(time, async () => ({ ok: true }));
    poller.start();
    await flush();
    await time.advance(DEFAULT_CADENCE.activeWindowMs + DEFAULT_CADENCE.idleIntervalMs);
    poller.expectMore();
    expect((poller.nextAt ?? 0) - time.now).toBeLessThanOrEqual(DEFAULT_CADENCE.burstIntervalMs);
    await time.advance(DEFAULT_CADENCE.burstWindowMs - 10_000);
    expect((poller.nextAt ?? 0) - time.now).toBeLessThanOrEqual(DEFAULT_CADENCE.burstIntervalMs);
    await time.advance(10_000 + DEFAULT_CADENCE.burstIntervalMs);
    expect((poller.nextAt ?? 0) - time.now).toBeGreaterThan(DEFAULT_CADENCE.burstIntervalMs);
    poller.stop();
  });
});

describe('sharing the org’s bucket (X-Rate-Limit-* on every poll)', () => {
  it('doubles idle intervals when the remaining share runs low, fast ones too on a 429, and recovers a step at a time', () => {
    const one = NO_SLOWDOWN;
    expect(adaptToRate(one, { limited: false, limit: 10_000, remaining: 3_000 })).toEqual({ idle: 2, fast: 1 });
    expect(adaptToRate({ idle: 2, fast: 1 }, { limited: true })).toEqual({ idle: 4, fast: 2 });
    expect(adaptToRate({ idle: DEFAULT_CADENCE.maxSlowdown, fast: DEFAULT_CADENCE.maxFastSlowdown }, { limited: true })).toEqual({ idle: DEFAULT_CADENCE.maxSlowdown, fast: DEFAULT_CADENCE.maxFastSlowdown });
    expect(adaptToRate({ idle: 4, fast: 2 }, { limited: false, limit: 10_000, remaining: 7_000 })).toEqual({ idle: 4, fast: 2 });
    expect(adaptToRate({ idle: 4, fast: 2 }, { limited: false, limit: 10_000, remaining: 9_000 })).toEqual({ idle: 4 - DEFAULT_CADENCE.speedUpStep, fast: 1 });
    expect(adaptToRate(one, { limited: false, limit: 10_000, remaining: 9_000 })).toEqual(one);
    expect(adaptToRate({ idle: 3, fast: 1 }, { limited: false })).toEqual({ idle: 3, fast: 1 });
    expect(nextPollDelay(state({ slowdown: { idle: 4, fast: 1 } }), 0, () => 0)).toBe(4 * DEFAULT_CADENCE.idleIntervalMs);
    expect(nextPollDelay(state({ watching: true, slowdown: { idle: 4, fast: 1 } }), 0, () => 0)).toBe(DEFAULT_CADENCE.activeIntervalMs);
  });

  it('the loop applies what each answer says', async () => {
    const time = new FakeTime();
    const poller = loop(time, async () => ({ ok: true, rate: { limited: false, limit: 100, remaining: 10 } }));
    poller.start();
    await flush();
    expect(poller.slowdown).toEqual({ idle: 2, fast: 1 });
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
    await time.advance(89_999);
    expect(polls).toEqual([1_000_000]);
    await time.advance(1);
    expect(polls).toEqual([1_000_000, resetAt]);
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
