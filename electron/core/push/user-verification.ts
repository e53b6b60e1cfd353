import type { CryptoKey } from 'jose';
import { appError } from '../../../shared/errors';
import type { UserVerifier, VerificationResult } from '../capabilities';
import type { UserVerificationDemand } from './challenge';
import { signingKey } from './device-keys';
import type { StoredEnrolment } from './push-record';
import type { UserConsent } from './response-jwt';

/**
 * Proof that the OS verified the person for one challenge. Only verifyPerson makes one, and the
 * user-verification key's private half is reachable only through it, once.
 *
 * Why a proof and not encryption: no binding available to the app releases key material on the
 * prompt. Electron's promptTouchID answers yes or no; safeStorage and keytar keychain items carry no
 * biometric access control; Electron's Touch ID WebAuthn authenticator keeps its Secure Enclave key
 * for WebAuthn assertions only and offers no prf/hmac-secret output to derive a key from. So the key
 * sits in the vault (encrypted at rest under the vault key) and this gate is the only way to it.
 */
export interface VerifiedPerson {
  readonly enrolmentId: string;
  readonly challengeId: string;
}

/** The challenge a proof is for: its id and the nonce the org put in it, so a re-issued id does not match. */
export interface ProofScope {
  enrolmentId: string;
  challengeId: string;
  nonce: string;
  /** Epoch ms after which the challenge is gone; a proof never outlives it. */
  expiresAt: number;
}

/** A proof is spent on the answer signed right after the prompt: a proof left lying around goes stale. */
export const PROOF_LIFETIME_MS = 30_000;

interface Unspent {
  nonce: string;
  notAfter: number;
  now: () => number;
}

/** Held outside the proof object so that nothing holding a proof can read or extend it. */
const unspent = new WeakMap<VerifiedPerson, Unspent>();

/** Prompts the OS; on success returns a single-use, short-lived proof bound to this enrolment and challenge. */
export async function verifyPerson(verifier: UserVerifier, reason: string, scope: ProofScope, now: () => number = Date.now): Promise<VerifiedPerson | Exclude<VerificationResult, 'verified'>> {
  const result = verifier.isAvailable() ? await verifier.verify(reason) : 'temporarily-unavailable';
  if (result !== 'verified') return result;
  const proof: VerifiedPerson = Object.freeze({ enrolmentId: scope.enrolmentId, challengeId: scope.challengeId });
  unspent.set(proof, { nonce: scope.nonce, notAfter: Math.min(now() + PROOF_LIFETIME_MS, scope.expiresAt), now });
  return proof;
}

const refused = () => appError('INTERNAL', 'The user-verification key is only used right after the OS verified you for this request.');

/**
 * The user-verification signing key, released by (and spending) a proof for this very challenge.
 * Imported fresh and non-extractable for each answer: no usable copy of the key outlives the answer.
 */
export async function userVerificationKey(enrolment: StoredEnrolment, proof: VerifiedPerson, challenge: { id: string; nonce: string }): Promise<CryptoKey> {
  const held = unspent.get(proof);
  // Spent on any attempt, matching or not: a proof is never tried twice.
  unspent.delete(proof);
  if (!held || proof.enrolmentId !== enrolment.id || proof.challengeId !== challenge.id || held.nonce !== challenge.nonce || held.now() > held.notAfter) throw refused();
  if (!enrolment.userVerification) throw appError('INTERNAL', 'This enrolment has no user-verification key.');
  return signingKey(enrolment.userVerification, { extractable: false });
}

/** What approving a challenge takes, from its demand, the enrolment's keys and this machine. */
export type ApprovalPlan = { kind: 'consent' } | { kind: 'verify' } | { kind: 'cannot-verify'; consent: 'UV_PERMANENTLY_UNAVAILABLE' };

export function planApproval(demand: UserVerificationDemand, hasUserVerificationKey: boolean, verifier: UserVerifier | undefined): ApprovalPlan {
  const canVerify = hasUserVerificationKey && verifier !== undefined;
  if (demand === 'REQUIRED') return canVerify ? { kind: 'verify' } : { kind: 'cannot-verify', consent: 'UV_PERMANENTLY_UNAVAILABLE' };
  if (demand === 'PREFERRED' && canVerify) return { kind: 'verify' };
  return { kind: 'consent' };
}

/**
 * The answer after a prompt that did not verify the person. A cancel is always sent as a cancel; a
 * prompt that could not run only blocks the approval when the org REQUIRES verification.
 */
export function consentAfterPrompt(demand: UserVerificationDemand, result: Exclude<VerificationResult, 'verified'>): Exclude<UserConsent, 'DENIED_CONSENT_PROMPT'> {
  if (result === 'cancelled') return 'CANCELLED_USER_VERIFICATION';
  if (demand !== 'REQUIRED') return 'APPROVED_CONSENT_PROMPT';
  return result === 'temporarily-unavailable' ? 'UV_TEMPORARILY_UNAVAILABLE' : 'UV_PERMANENTLY_UNAVAILABLE';
}

/** How an Approve ended: approved, or the org was told the person could not be verified. */
export type ApprovalResult = 'approved' | 'verification-cancelled' | 'verification-temporarily-unavailable' | 'verification-unavailable';

export function approvalResultOf(consent: Exclude<UserConsent, 'DENIED_CONSENT_PROMPT'>): ApprovalResult {
  if (consent === 'CANCELLED_USER_VERIFICATION') return 'verification-cancelled';
  if (consent === 'UV_TEMPORARILY_UNAVAILABLE') return 'verification-temporarily-unavailable';
  if (consent === 'UV_PERMANENTLY_UNAVAILABLE') return 'verification-unavailable';
  return 'approved';
}

/** One sentence for the person about how their Approve ended. */
export function approvalSentence(result: ApprovalResult, verifierName = 'user verification'): string {
  switch (result) {
    case 'approved':
      return 'Approved.';
    case 'verification-cancelled':
      return `${verifierName} was cancelled, so the request was not approved; the org was told.`;
    case 'verification-temporarily-unavailable':
      return `The org requires ${verifierName} for this request and it cannot run right now (no finger enrolled, lid closed or locked out), so it was not approved.`;
    case 'verification-unavailable':
      return 'The org requires user verification (such as Touch ID) for this request and this computer cannot provide it, so it was not approved.';
  }
}
