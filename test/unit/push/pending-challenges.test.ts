import { describe, expect, it } from 'vitest';
import type { VerifiedChallenge } from '../../../electron/core/push/challenge';
import { PendingChallenges } from '../../../electron/core/push/pending-challenges';
import { pushBadge } from '../../../electron/core/tray/push-badge';
import { virtualTime } from '../../support/fake-timers';

function challenge(id: string, expiresAt: number): VerifiedChallenge {
  return { id, enrolmentId: 'pfd1', orgUrl: 'https://acme.okta.test', nonce: `n-${id}`, verificationUri: 'https://acme.okta.test/verify', app: null, transactionType: 'LOGIN', userVerification: 'PREFERRED', bindingMessage: null, clientOS: null, location: null, transactionTime: null, expiresAt, receivedAt: 0, signals: [] };
}

describe('the pending requests', () => {
  it('drop an expired request on their own and say so, never answering it', () => {
    const time = virtualTime(0);
    let changes = 0;
    const pending = new PendingChallenges(time.now, time.timers, () => (changes += 1));
    pending.add(challenge('a', 5_000));
    pending.add(challenge('b', 9_000));
    time.advance(5_000);
    expect(pending.list().map((c) => c.id)).toEqual(['b']);
    expect(changes).toBe(1);
    time.advance(4_000);
    expect(pending.list()).toEqual([]);
    expect(changes).toBe(2);
  });

  it('refuse a request that has already expired', () => {
    const time = virtualTime(0);
    const pending = new PendingChallenges(time.now, time.timers, () => undefined);
    expect(pending.add(challenge('late', 0))).toBe(false);
    expect(pending.list()).toEqual([]);
  });

  it('forget a request the org no longer lists, and keep the others', () => {
    const time = virtualTime(0);
    const pending = new PendingChallenges(time.now, time.timers, () => undefined);
    pending.add(challenge('a', 60_000));
    pending.add(challenge('b', 60_000));
    expect(pending.retain('pfd1', new Set(['b']))).toBe(true);
    expect(pending.list().map((c) => c.id)).toEqual(['b']);
  });
});

describe('the tray badge', () => {
  it('shows the number waiting, and nothing when none is', () => {
    expect(pushBadge(0)).toEqual({ title: '', toolTip: 'Traykey' });
    expect(pushBadge(1)).toEqual({ title: '1', toolTip: 'Traykey: 1 sign-in request waiting' });
    expect(pushBadge(3).toolTip).toBe('Traykey: 3 sign-in requests waiting');
  });
});
