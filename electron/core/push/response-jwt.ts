import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { VerifiedChallenge } from './challenge';
import type { DeviceInfo } from './device-info';
import { appError } from '../../../shared/errors';
import { signingKey } from './device-keys';
import { userVerificationKey, type VerifiedPerson } from './user-verification';
import type { StoredEnrolment } from './push-record';

/** The contract's userConsent values Traykey sends (never NONE: a person always answers). */
export type UserConsent =
  | 'APPROVED_CONSENT_PROMPT'
  | 'DENIED_CONSENT_PROMPT'
  | 'APPROVED_USER_VERIFICATION'
  | 'CANCELLED_USER_VERIFICATION'
  | 'UV_TEMPORARILY_UNAVAILABLE'
  | 'UV_PERMANENTLY_UNAVAILABLE';

/** The answer stays valid only long enough to reach the org. */
const RESPONSE_LIFETIME_S = 120;
/** nbf a little in the past, for an org clock slightly behind ours. */
const NOT_BEFORE_SLACK_S = 60;

/** Only the signals the org asked for, and only those this desktop can truthfully report. */
export function deviceSignals(requested: readonly string[], enrolment: StoredEnrolment, device: DeviceInfo): Record<string, unknown> {
  const known: Record<string, unknown> = {
    ...(enrolment.deviceId !== undefined ? { id: enrolment.deviceId } : {}),
    displayName: device.displayName,
    platform: device.platform,
    osVersion: device.osVersion,
    clientInstanceBundleId: device.clientInstanceBundleId,
    clientInstanceVersion: device.clientInstanceVersion,
    secureHardwarePresent: device.secureHardwarePresent,
  };
  return Object.fromEntries(requested.filter((name) => name in known).map((name) => [name, known[name]]));
}

/**
 * The okta-devicebind+jwt answering one challenge. APPROVED_USER_VERIFICATION is signed with the
 * user-verification key, which only a fresh proof of verification releases; every other answer with
 * the proof-of-possession key.
 */
export async function signChallengeResponse(options: {
  challenge: VerifiedChallenge;
  enrolment: StoredEnrolment;
  device: DeviceInfo;
  consent: UserConsent;
  /** The org's current time in epoch ms. */
  serverNow: number;
  verified?: VerifiedPerson;
}): Promise<string> {
  const { challenge, enrolment, consent } = options;
  const now = Math.floor(options.serverNow / 1000);
  const verifiedAnswer = consent === 'APPROVED_USER_VERIFICATION';
  if (verifiedAnswer && !options.verified) throw appError('INTERNAL', 'APPROVED_USER_VERIFICATION needs the OS to verify you first.');
  const key = verifiedAnswer && options.verified ? await userVerificationKey(enrolment, options.verified, challenge) : await signingKey(enrolment.proofOfPossession);
  const kid = verifiedAnswer ? enrolment.userVerification?.kid : enrolment.proofOfPossession.kid;
  return new SignJWT({
    tx: challenge.id,
    nonce: challenge.nonce,
    methodEnrollmentId: enrolment.methodEnrollmentId,
    keyType: verifiedAnswer ? 'userVerification' : 'proofOfPossession',
    deviceSignals: deviceSignals(challenge.signals, enrolment, options.device),
    challengeResponseContext: { userConsent: consent, transactionType: challenge.transactionType },
  })
    .setProtectedHeader({ alg: 'ES256', typ: 'okta-devicebind+jwt', kid })
    .setIssuer(enrolment.id)
    .setSubject(enrolment.userId)
    .setAudience(enrolment.orgUrl)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setNotBefore(now - NOT_BEFORE_SLACK_S)
    .setExpirationTime(now + RESPONSE_LIFETIME_S)
    .sign(key);
}
