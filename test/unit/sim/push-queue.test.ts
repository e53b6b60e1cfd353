import { describe, expect, it } from 'vitest';
import { PushQueue } from '../../sim/push-queue';

describe('simulated push prompts', () => {
  it('waits, then times out by the injected clock', () => {
    let t = 0;
    const queue = new PushQueue<string>(() => t, () => 1000);
    const tx = queue.create('u1', 'x');
    expect(queue.state(tx)).toBe('WAITING');
    t = 999;
    expect(queue.state(tx)).toBe('WAITING');
    t = 1000;
    expect(queue.state(tx)).toBe('TIMEOUT');
    expect(queue.answerOldest('u1', 'approve')).toBeUndefined();
  });

  it("answers the user's oldest waiting prompt and leaves other users alone", () => {
    let t = 0;
    const queue = new PushQueue<string>(() => t, () => 60_000);
    const first = queue.create('u1', 'first');
    t = 10;
    const second = queue.create('u1', 'second');
    const other = queue.create('u2', 'other');
    expect(queue.answerOldest('u1', 'deny')?.data).toBe('first');
    expect(queue.state(first)).toBe('REJECTED');
    expect(queue.answerOldest('u1', 'approve')?.data).toBe('second');
    expect(queue.state(second)).toBe('APPROVED');
    expect(queue.state(other)).toBe('WAITING');
    expect(queue.waitingFor('u2')).toEqual([other]);
  });
});
