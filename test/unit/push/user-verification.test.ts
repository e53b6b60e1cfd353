import { describe, expect, it } from 'vitest';
import type { UserVerifier } from '../../../electron/core/capabilities';
import { consentAfterPrompt, planApproval, PROOF_LIFETIME_MS, userVerificationKey, verifyPerson } from '../../../electron/core/push/user-verification';
import { createDeviceKey } from '../../../electron/core/push/device-keys';
import { enrolment as makeEnrolment } from './fixtures';

const verifier = (answer: 'verified' | 'cancelled', available = true): UserVerifier => ({ name: 'Touch ID', isAvailable: () => available, verify: async () => answer });

describe('planning an approval', () => {
  it('REQUIRED verifies only with a UV key and a verifier, else tells the org it is permanently unavailable', () => {
    expect(planApproval('REQUIRED', true, verifier('verified'))).toEqual({ kind: 'verify' });
    expect(planApproval('REQUIRED', false, verifier('verified'))).toEqual({ kind: 'cannot-verify', consent: 'UV_PERMANENTLY_UNAVAILABLE' });
    expect(planApproval('REQUIRED', true, undefined)).toEqual({ kind: 'cannot-verify', consent: 'UV_PERMANENTLY_UNAVAILABLE' });
  });

  it('PREFERRED verifies when it can and otherwise asks for consent; DISCOURAGED always asks for consent', () => {
    expect(planApproval('PREFERRED', true, verifier('verified'))).toEqual({ kind: 'verify' });
    expect(planApproval('PREFERRED', false, verifier('verified'))).toEqual({ kind: 'consent' });
    expect(planApproval('DISCOURAGED', true, verifier('verified'))).toEqual({ kind: 'consent' });
  });

  it('after a prompt that did not verify: a cancel stays a cancel; unavailability only blocks a REQUIRED approval', () => {
    expect(consentAfterPrompt('PREFERRED', 'cancelled')).toBe('CANCELLED_USER_VERIFICATION');
    expect(consentAfterPrompt('REQUIRED', 'temporarily-unavailable')).toBe('UV_TEMPORARILY_UNAVAILABLE');
    expect(consentAfterPrompt('REQUIRED', 'permanently-unavailable')).toBe('UV_PERMANENTLY_UNAVAILABLE');
    expect(consentAfterPrompt('PREFERRED', 'temporarily-unavailable')).toBe('APPROVED_CONSENT_PROMPT');
  });
});

describe('the user-verification key', () => {
  const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
  const challenge = { id: 'ft1', nonce: 'n-1' };
  const scope = (enrolmentId: string) => ({ enrolmentId, challengeId: challenge.id, nonce: challenge.nonce, expiresAt: NOW + 300_000 });
  const clock = () => NOW;
  const withKey = async () => ({ ...(await makeEnrolment()), userVerification: await createDeviceKey() });

  it('is released only by a proof from a successful prompt, for that enrolment and challenge, once', async () => {
    const enrolment = await withKey();
    expect(await verifyPerson(verifier('cancelled'), 'approve', scope(enrolment.id), clock)).toBe('cancelled');
    expect(await verifyPerson(verifier('verified', false), 'approve', scope(enrolment.id), clock)).toBe('temporarily-unavailable');
    await expect(userVerificationKey(enrolment, { enrolmentId: enrolment.id, challengeId: 'ft1' }, challenge)).rejects.toMatchObject({ code: 'INTERNAL' });
    const proof = await verifyPerson(verifier('verified'), 'approve', scope(enrolment.id), clock);
    if (typeof proof === 'string') throw new Error('expected a proof');
    const key = await userVerificationKey(enrolment, proof, challenge);
    expect(key.extractable).toBe(false);
    await expect(userVerificationKey(enrolment, proof, challenge)).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('is refused to a proof for another challenge, another nonce under the same id, or another enrolment, and that try spends the proof', async () => {
    const enrolment = await withKey();
    const attempts = [
      { enrolment, challenge: { id: 'ft2', nonce: challenge.nonce } },
      { enrolment, challenge: { id: challenge.id, nonce: 'n-reissued' } },
      { enrolment: { ...enrolment, id: 'pfdOTHER' }, challenge },
    ];
    for (const attempt of attempts) {
      const proof = await verifyPerson(verifier('verified'), 'approve', scope(enrolment.id), clock);
      if (typeof proof === 'string') throw new Error('expected a proof');
      await expect(userVerificationKey(attempt.enrolment, proof, attempt.challenge)).rejects.toMatchObject({ code: 'INTERNAL' });
      await expect(userVerificationKey(enrolment, proof, challenge)).rejects.toMatchObject({ code: 'INTERNAL' });
    }
  });

  it('is refused to a proof older than its lifetime, or kept past the challenge\'s expiry', async () => {
    const enrolment = await withKey();
    let now = NOW;
    const moving = () => now;
    const stale = await verifyPerson(verifier('verified'), 'approve', scope(enrolment.id), moving);
    if (typeof stale === 'string') throw new Error('expected a proof');
    now += PROOF_LIFETIME_MS + 1;
    await expect(userVerificationKey(enrolment, stale, challenge)).rejects.toMatchObject({ code: 'INTERNAL' });

    const expiring = await verifyPerson(verifier('verified'), 'approve', { ...scope(enrolment.id), expiresAt: now + 1_000 }, moving);
    if (typeof expiring === 'string') throw new Error('expected a proof');
    now += 1_001;
    await expect(userVerificationKey(enrolment, expiring, challenge)).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
