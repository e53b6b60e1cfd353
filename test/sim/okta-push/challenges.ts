import { randomId } from '../ids';
import { kidOf, signWithForeignKey } from './signing-key';
import type { Challenge, Enrollment, OktaPushState, UserVerificationPolicy } from './state';

export const CHALLENGE_TYP = 'okta-pushbind+jwt';

const SIGNALS = ['id', 'displayName', 'platform', 'manufacturer', 'model', 'osVersion', 'serialNumber', 'udid', 'sid', 'imei', 'meid', 'secureHardwarePresent', 'deviceAttestation'];

export interface ChallengeInput {
  transactionType: 'LOGIN' | 'CIBA';
  appInstanceName: string;
  authorizationServer: string;
  clientOS?: string;
  clientLocation?: string;
  bindingMessage?: string;
  cibaRequestId?: string;
  /** Latest moment the challenge may live to (a CIBA request's own expiry). */
  notAfter?: number;
  /** Overrides the authenticator's setting for this one challenge. */
  userVerification?: UserVerificationPolicy;
}

/** Ways a challenge can be spoiled on request, so approvers can prove they drop it. */
export type Tamper = 'foreign-key' | 'expired' | 'replay' | 'other-enrollment';

/** Creates and signs a pending challenge for one enrolment, with every claim of the published schema. */
export async function createChallenge(state: OktaPushState, enrollment: Enrollment, input: ChallengeInput): Promise<Challenge> {
  const now = state.now();
  const transactionId = randomId('ft', 32);
  const nonce = randomId('', 20);
  const expiresAt = Math.min(now + state.settings.challengeTtlSeconds * 1000, input.notAfter ?? Number.POSITIVE_INFINITY);
  const userVerification = input.userVerification ?? state.settings.userVerification;
  const claims = challengeClaims(state, enrollment, { ...input, userVerification }, { transactionId, nonce, iat: now, exp: expiresAt });
  const challenge: Challenge = {
    transactionId,
    enrollmentId: enrollment.id,
    userId: enrollment.userId,
    nonce,
    createdAt: now,
    expiresAt,
    jwt: await state.signingKey.sign(claims, CHALLENGE_TYP),
    transactionType: input.transactionType,
    userVerification,
    ...(input.cibaRequestId ? { cibaRequestId: input.cibaRequestId } : {}),
  };
  state.challenges.set(transactionId, challenge);
  return challenge;
}

/** Lists a spoiled challenge beside the real ones; it can never be answered. */
export async function createTamperedChallenge(state: OktaPushState, enrollment: Enrollment, input: ChallengeInput, tamper: Tamper): Promise<Challenge> {
  const now = state.now();
  let jwt: string;
  let transactionId = randomId('ft', 32);
  let nonce = randomId('', 20);
  const expiresAt = now + state.settings.challengeTtlSeconds * 1000;
  if (tamper === 'replay') {
    const previous = [...state.challenges.values()].filter((c) => c.enrollmentId === enrollment.id && !c.tampered).sort((a, b) => b.createdAt - a.createdAt)[0];
    if (!previous) throw new Error('There is no earlier challenge to replay.');
    jwt = previous.jwt;
    nonce = previous.nonce;
    transactionId = `${previous.transactionId}#replay${randomId('', 4)}`;
  } else {
    const exp = tamper === 'expired' ? now - 600_000 : expiresAt;
    const iat = tamper === 'expired' ? now - 900_000 : now;
    const target = tamper === 'other-enrollment' ? { ...enrollment, id: randomId('pfd', 17), methodId: randomId('opf', 17) } : enrollment;
    const claims = challengeClaims(state, target, input, { transactionId, nonce, iat, exp });
    jwt = tamper === 'foreign-key' ? await signWithForeignKey(claims, CHALLENGE_TYP, await kidOf(state)) : await state.signingKey.sign(claims, CHALLENGE_TYP);
  }
  const userVerification = input.userVerification ?? state.settings.userVerification;
  const challenge: Challenge = { transactionId, enrollmentId: enrollment.id, userId: enrollment.userId, nonce, createdAt: now, expiresAt, jwt, transactionType: input.transactionType, userVerification, tampered: true };
  state.challenges.set(transactionId, challenge);
  return challenge;
}

function challengeClaims(state: OktaPushState, enrollment: Pick<Enrollment, 'id' | 'methodId' | 'userId'>, input: ChallengeInput, ids: { transactionId: string; nonce: string; iat: number; exp: number }): Record<string, unknown> {
  const base = state.org.config.baseUrl;
  return {
    iss: base,
    aud: state.audience,
    iat: Math.floor(ids.iat / 1000),
    exp: Math.floor(ids.exp / 1000),
    jti: ids.transactionId,
    nonce: ids.nonce,
    transactionId: ids.transactionId,
    signals: SIGNALS,
    verificationUri: `${base}/idp/myaccount/app-authenticators/challenge/${ids.transactionId}/verify`,
    orgId: state.orgId,
    appInstanceName: input.appInstanceName,
    method: 'push',
    methodEnrollmentId: enrollment.methodId,
    authorizationServerId: state.authServers.get(input.authorizationServer) ?? input.authorizationServer,
    userMediation: 'REQUIRED',
    userVerification: input.userVerification ?? state.settings.userVerification,
    authenticatorEnrollmentId: enrollment.id,
    challengeContext: {
      clientOS: input.clientOS ?? 'UNKNOWN',
      clientLocation: input.clientLocation ?? 'Loopback, Simulated, Nowhere',
      transactionTime: new Date(ids.iat).toISOString(),
      transactionType: input.transactionType,
      ...(input.bindingMessage !== undefined ? { bindingMessage: input.bindingMessage } : {}),
    },
    userId: enrollment.userId,
    ver: 0,
  };
}

/** Records a device's (or the control route's) answer, and the CIBA request's outcome with it. */
export function settleChallenge(state: OktaPushState, challenge: Challenge, answer: 'approved' | 'denied'): void {
  challenge.answer = answer;
  const request = challenge.cibaRequestId ? state.cibaRequests.get(challenge.cibaRequestId) : undefined;
  if (!request || request.answer) return;
  request.answer = answer;
  request.answeredBy = challenge.enrollmentId;
  // One answer settles the request on every device it was sent to.
  for (const other of state.challenges.values()) if (other.cibaRequestId === request.id && other.answer === undefined) other.answer = answer;
}
