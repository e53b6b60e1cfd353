import { describe, expect, it } from 'vitest';
import { IdleTimer } from '../../../electron/core/lock/idle-timer';
import { virtualTime } from '../../support/fake-timers';

const MINUTE = 60_000;

function setup(limitMs = 5 * MINUTE) {
  const time = virtualTime();
  let idle = 0;
  const timer = new IdleTimer(time.timers, time.now, () => (idle += 1));
  timer.setLimit(limitMs);
  timer.start();
  return { time, timer, idleCount: () => idle };
}

describe('IdleTimer', () => {
  it('fires once the limit passes without activity', () => {
    const { time, idleCount } = setup();
    time.advance(5 * MINUTE - 1);
    expect(idleCount()).toBe(0);
    time.advance(1);
    expect(idleCount()).toBe(1);
    time.advance(60 * MINUTE);
    expect(idleCount()).toBe(1);
  });

  it('counts from the last activity, keeping one pending timer', () => {
    const { time, timer, idleCount } = setup();
    time.advance(4 * MINUTE);
    timer.touch();
    time.advance(4 * MINUTE);
    timer.touch();
    expect(time.pending()).toBe(1);
    time.advance(4 * MINUTE);
    expect(idleCount()).toBe(0);
    time.advance(1 * MINUTE);
    expect(idleCount()).toBe(1);
  });

  it('never fires with a limit of 0 or once stopped', () => {
    const off = setup(0);
    off.time.advance(24 * 60 * MINUTE);
    expect(off.idleCount()).toBe(0);
    const stopped = setup();
    stopped.timer.stop();
    stopped.time.advance(10 * MINUTE);
    expect(stopped.idleCount()).toBe(0);
    expect(stopped.time.pending()).toBe(0);
  });

  it('applies a shorter limit at once, measured from the last activity', () => {
    const { time, timer, idleCount } = setup(30 * MINUTE);
    time.advance(2 * MINUTE);
    timer.setLimit(1 * MINUTE);
    time.advance(0);
    expect(idleCount()).toBe(1);
  });
});
