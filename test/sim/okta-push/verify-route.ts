import { decodeProtectedHeader, importJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { z } from 'zod';
import type { Router } from '../http/router';
import type { Handler, SimReply, SimRequest } from '../http/types';
import { settleChallenge } from './challenges';
import { validationFailed } from './replies';
import type { Challenge, Enrollment, OktaPushState } from './state';

export const RESPONSE_TYP = 'okta-devicebind+jwt';
/** Leeway for the device's clock, as the Devices SDK allows on its side. */
const CLOCK_TOLERANCE_S = 300;
const APPROVE = new Set(['APPROVED_CONSENT_PROMPT', 'APPROVED_USER_VERIFICATION']);
/** Answers that end the challenge without approving it: a denial, or user verification that did not happen. */
const DENY = new Set(['DENIED_CONSENT_PROMPT', 'CANCELLED_USER_VERIFICATION', 'UV_TEMPORARILY_UNAVAILABLE', 'UV_PERMANENTLY_UNAVAILABLE']);

const verifyBody = z.object({ method: z.literal('push'), challengeResponse: z.string().min(1) });
const responseClaims = z.looseObject({
  iss: z.string(),
  sub: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  jti: z.string().min(1),
  iat: z.number(),
  exp: z.number(),
  tx: z.string(),
  nonce: z.string(),
  methodEnrollmentId: z.string(),
  keyType: z.enum(['proofOfPossession', 'userVerification']),
  challengeResponseContext: z.looseObject({ userConsent: z.string(), transactionType: z.string().optional() }),
});

/**
 * POST {org}/idp/myaccount/app-authenticators/challenge/{challengeId}/verify — no bearer token; the
 * response JWT proves possession of the enrolment's key. 200 approved, 204 denied, 400 anything wrong.
 */
export function registerVerifyRoute(router: Router, state: OktaPushState, guard: (handler: Handler) => Handler): void {
  router.add('POST', '/idp/myaccount/app-authenticators/challenge/:challengeId/verify', guard((req) => verify(state, req)));
}

async function verify(state: OktaPushState, req: SimRequest): Promise<SimReply> {
  const body = verifyBody.safeParse(req.body);
  if (!body.success) return bad('Send {"method": "push", "challengeResponse": "<JWT>"}.');
  const challenge = state.challenges.get(req.params.challengeId ?? '');
  if (!challenge || challenge.tampered) return bad('The challenge does not exist.');
  if (challenge.answer !== undefined) return bad('The challenge was already answered.');
  if (state.now() >= challenge.expiresAt) return bad('The challenge has expired.');
  const enrollment = state.enrollments.get(challenge.enrollmentId);
  if (!enrollment) return bad('The enrolment of this challenge was removed.');
  const claims = await verifiedClaims(state, enrollment, body.data.challengeResponse);
  if (typeof claims === 'string') return bad(claims);
  const problem = claimProblem(state, enrollment, challenge, claims);
  if (problem) return bad(problem);
  const consent = claims.challengeResponseContext.userConsent;
  const unmet = verificationProblem(challenge, consent, claims.keyType);
  if (unmet) return bad(unmet);
  state.usedJtis.add(claims.jti);
  challenge.response = { userConsent: consent, keyType: claims.keyType };
  if (APPROVE.has(consent)) {
    settleChallenge(state, challenge, 'approved');
    return { status: 200 };
  }
  if (DENY.has(consent)) {
    settleChallenge(state, challenge, 'denied');
    return { status: 204 };
  }
  return bad(`userConsent ${consent} does not answer a challenge.`);
}

async function verifiedClaims(state: OktaPushState, enrollment: Enrollment, jwt: string): Promise<z.infer<typeof responseClaims> | string> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jwt);
  } catch {
    return 'The challenge response is not a JWT.';
  }
  if (header.typ !== RESPONSE_TYP) return `The challenge response must have typ ${RESPONSE_TYP}.`;
  const key: JWK | undefined = [enrollment.proofOfPossession, enrollment.userVerification].find((k) => k?.kid === header.kid);
  if (!key) return 'The challenge response is signed with a key this enrolment does not have.';
  const alg = key.kty === 'EC' ? 'ES256' : 'RS256';
  let payload: JWTPayload;
  try {
    const verified = await jwtVerify(jwt, await importJWK(key, alg), {
      algorithms: [alg],
      typ: RESPONSE_TYP,
      currentDate: new Date(state.now()),
      clockTolerance: CLOCK_TOLERANCE_S,
      audience: state.org.config.baseUrl,
    });
    payload = verified.payload;
  } catch {
    return 'The challenge response signature, audience or lifetime is not valid.';
  }
  const parsed = responseClaims.safeParse(payload);
  if (!parsed.success) return 'The challenge response lacks claims the contract requires.';
  if ((parsed.data.keyType === 'userVerification') !== (key === enrollment.userVerification)) return 'keyType does not match the signing key.';
  return parsed.data;
}

/**
 * The user-verification key may only sign an APPROVED_USER_VERIFICATION, and that answer only comes
 * from it (the device unlocks the key with the person's biometric). A challenge that REQUIRES user
 * verification is never approved by a proof-of-possession consent.
 */
function verificationProblem(challenge: Challenge, consent: string, keyType: 'proofOfPossession' | 'userVerification'): string | undefined {
  const verified = consent === 'APPROVED_USER_VERIFICATION';
  if (verified && keyType !== 'userVerification') return 'APPROVED_USER_VERIFICATION must be signed with the user-verification key (keyType userVerification).';
  if (!verified && keyType === 'userVerification') return `${consent} must be signed with the proof-of-possession key.`;
  if (challenge.userVerification === 'REQUIRED' && consent === 'APPROVED_CONSENT_PROMPT') return 'The authenticator requires user verification: APPROVED_CONSENT_PROMPT does not satisfy it.';
  return undefined;
}

function claimProblem(state: OktaPushState, enrollment: Enrollment, challenge: Challenge, claims: z.infer<typeof responseClaims>): string | undefined {
  if (claims.iss !== enrollment.id) return 'iss must be the authenticator enrolment id.';
  if (claims.sub !== enrollment.userId) return 'sub must be the enrolled user.';
  if (claims.methodEnrollmentId !== enrollment.methodId) return 'methodEnrollmentId does not match the enrolment.';
  if (claims.tx !== challenge.transactionId) return 'tx does not match the challenge.';
  if (claims.nonce !== challenge.nonce) return 'nonce does not match the challenge.';
  if (state.usedJtis.has(claims.jti)) return 'The response jti was already used.';
  if (claims.exp - claims.iat > 3600) return 'The response lives too long (exp - iat over an hour).';
  return undefined;
}

function bad(cause: string): SimReply {
  return validationFailed('challengeResponse', cause);
}
