import { describe, expect, it } from 'vitest';
import type { UserVerifier } from '../../../electron/core/capabilities';
import { consentAfterPrompt, planApproval, userVerificationKey, verifyPerson } from '../../../electron/core/push/user-verification';
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
  it('is released only by a proof from a successful prompt, for that enrolment and challenge, once', async () => {
    const enrolment = { ...(await makeEnrolment()), userVerification: await createDeviceKey() };
    const scope = { enrolmentId: enrolment.id, challengeId: 'ft1' };
    expect(await verifyPerson(verifier('cancelled'), 'approve', scope)).toBe('cancelled');
    expect(await verifyPerson(verifier('verified', false), 'approve', scope)).toBe('temporarily-unavailable');
    await expect(userVerificationKey(enrolment, { ...scope }, 'ft1')).rejects.toMatchObject({ code: 'INTERNAL' });
    const proof = await verifyPerson(verifier('verified'), 'approve', scope);
    if (typeof proof === 'string') throw new Error('expected a proof');
    await expect(userVerificationKey(enrolment, proof, 'ft2')).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(userVerificationKey(enrolment, proof, 'ft1')).resolves.toBeDefined();
    await expect(userVerificationKey(enrolment, proof, 'ft1')).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
