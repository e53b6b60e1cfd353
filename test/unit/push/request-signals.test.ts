import { describe, expect, it } from 'vitest';
import type { VerifiedChallenge } from '../../../electron/core/push/challenge';
import { BURST_WINDOW_MS, inBurst, newOrigin, rememberedOrigins } from '../../../electron/core/push/request-signals';

const T0 = Date.UTC(2026, 11, 3, 9, 0, 0);

function request(id: string, at: number, over: Partial<VerifiedChallenge> = {}): VerifiedChallenge {
  return { id, enrolmentId: 'pfd1', orgUrl: 'https://acme.okta.test', nonce: id, verificationUri: '', app: null, transactionType: 'LOGIN', userVerification: 'PREFERRED', bindingMessage: null, clientOS: 'MAC_OS_X', location: 'Zurich', transactionTime: new Date(at).toISOString(), expiresAt: at + 300_000, receivedAt: at, signals: [], ...over };
}

describe('unusual requests', () => {
  it('flags an OS or a location this enrolment never approved from, and nothing once it has', () => {
    const origins = [{ enrolmentId: 'pfd1', clientOS: 'MAC_OS_X', location: 'Zurich', lastApprovedAt: T0 }];
    expect(newOrigin(request('a', T0), [])).toEqual({ os: true, location: true });
    expect(newOrigin(request('a', T0), origins)).toEqual({ os: false, location: false });
    expect(newOrigin(request('a', T0, { clientOS: 'WINDOWS' }), origins)).toEqual({ os: true, location: false });
    expect(newOrigin(request('a', T0, { enrolmentId: 'pfd2' }), origins)).toEqual({ os: true, location: true });
    expect(newOrigin(request('a', T0, { clientOS: null, location: null }), [])).toEqual({ os: false, location: false });
  });

  it('keeps the 20 most recent origins per enrolment, without repeats', () => {
    let origins = rememberedOrigins([], { enrolmentId: 'other', clientOS: 'X', location: 'Y', lastApprovedAt: 0 });
    for (let i = 0; i < 30; i += 1) origins = rememberedOrigins(origins, { enrolmentId: 'pfd1', clientOS: 'MAC_OS_X', location: `City ${i % 25}`, lastApprovedAt: T0 + i });
    const mine = origins.filter((o) => o.enrolmentId === 'pfd1');
    expect(mine).toHaveLength(20);
    expect(new Set(mine.map((o) => o.location)).size).toBe(20);
    expect(origins.filter((o) => o.enrolmentId === 'other')).toHaveLength(1);
  });

  it('calls two requests for one user within seconds a burst (push bombing), and not for another user or minutes apart', () => {
    const first = request('a', T0);
    expect(inBurst(first, [first, request('b', T0 + BURST_WINDOW_MS - 1_000)])).toBe(true);
    expect(inBurst(first, [first, request('b', T0 + 5 * 60_000)])).toBe(false);
    expect(inBurst(first, [first, request('b', T0 + 1_000, { enrolmentId: 'pfd2' })])).toBe(false);
    expect(inBurst(first, [first])).toBe(false);
  });
});
