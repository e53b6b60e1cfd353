import { describe, expect, it } from 'vitest';
import { closeBeforeQuit } from '../../../electron/core/lifecycle/close-before-quit';
import { ManualTimers } from '../../support/fake-timers';

/** A will-quit event that records whether a listener held the quit back. */
function quitEvent() {
  const event = { held: false, preventDefault: () => void (event.held = true) };
  return event;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

function setUp(close: () => Promise<void>) {
  const timers = new ManualTimers();
  const quits: number[] = [];
  const onWillQuit = closeBeforeQuit({ close, quit: () => quits.push(quits.length + 1), limitMs: 2000, timers });
  return { timers, quits, onWillQuit };
}

describe('closeBeforeQuit', () => {
  it('holds the first quit back until close has finished, then quits again and lets that quit through', async () => {
    let finish = () => {};
    let closes = 0;
    const { quits, onWillQuit, timers } = setUp(() => {
      closes += 1;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    const first = quitEvent();
    onWillQuit(first);
    expect(first.held).toBe(true);
    await settle();
    expect(quits).toEqual([]);

    const meanwhile = quitEvent();
    onWillQuit(meanwhile);
    expect(meanwhile.held).toBe(true);

    finish();
    await settle();
    expect(quits).toEqual([1]);
    expect(timers.pending()).toEqual([]);
    const last = quitEvent();
    onWillQuit(last);
    expect(last.held).toBe(false);
    expect(closes).toBe(1);
  });

  it('quits after the time limit when close never finishes', async () => {
    const { quits, onWillQuit, timers } = setUp(() => new Promise<void>(() => undefined));
    onWillQuit(quitEvent());
    await settle();
    expect(timers.pending()).toEqual([2000]);
    expect(quits).toEqual([]);
    await timers.fireAll();
    expect(quits).toEqual([1]);
  });

  it('quits when close fails, as when it succeeds', async () => {
    const { quits, onWillQuit } = setUp(async () => {
      throw new Error('the clipboard is gone');
    });
    onWillQuit(quitEvent());
    await settle();
    expect(quits).toEqual([1]);
  });
});
