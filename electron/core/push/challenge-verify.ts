import { errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { isAppError } from '../../../shared/errors';
import { ChallengeClaims, type VerifiedChallenge } from './challenge';
import { normalizeOrgUrl, type StoredEnrolment } from './push-record';

/** Clock tolerance on exp/iat; the Devices SDK allows 300 s, Traykey never more than this. */
export const MAX_LEEWAY_MS = 300_000;
export const DEFAULT_LEEWAY_MS = 60_000;

export type RejectReason =
  | 'malformed'
  | 'wrong-type'
  | 'wrong-algorithm'
  | 'bad-signature'
  | 'unknown-key'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-issuer'
  | 'wrong-enrolment'
  | 'foreign-verification-uri'
  | 'replayed';

export type VerifyOutcome = { ok: true; challenge: VerifiedChallenge } | { ok: false; reason: RejectReason };

export interface VerifyContext {
  enrolment: StoredEnrolment;
  keys: JWTVerifyGetKey;
  /** The org's current time in epoch ms (local time corrected by the measured skew). */
  serverNow: number;
  /** Server time minus local time, to turn the challenge's exp into local time. */
  skewMs: number;
  leewayMs?: number;
}

/**
 * Checks a challenge before anyone sees it: typ, RS256 signature by a key the org publishes, issuer,
 * that it is addressed to this enrolment, its time window, and that its answer goes back to the org.
 * Replay is checked afterwards against the persisted record (replay-guard.ts).
 */
export async function verifyChallenge(jwt: string, context: VerifyContext): Promise<VerifyOutcome> {
  const { enrolment } = context;
  const leeway = Math.min(Math.max(context.leewayMs ?? DEFAULT_LEEWAY_MS, 0), MAX_LEEWAY_MS);
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(jwt, context.keys, {
      algorithms: ['RS256'],
      typ: 'okta-pushbind+jwt',
      currentDate: new Date(context.serverNow),
      clockTolerance: Math.floor(leeway / 1000),
      requiredClaims: ['iss', 'exp', 'iat', 'jti', 'nonce'],
    }));
  } catch (error) {
    // Not reaching the org's keys says nothing about the challenge: the poll fails and is retried.
    if (isAppError(error)) throw error;
    return { ok: false, reason: joseReason(error) };
  }
  const parsed = ChallengeClaims.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const claims = parsed.data;
  // jose checks iat only against a maximum age; a challenge from the future would otherwise stay
  // answerable until a far exp. The org sends no nbf, so iat is where the challenge starts.
  if (claims.iat * 1000 > context.serverNow + leeway) return { ok: false, reason: 'not-yet-valid' };
  if (!sameOrg(claims.iss, enrolment.orgUrl)) return { ok: false, reason: 'wrong-issuer' };
  if (claims.authenticatorEnrollmentId !== enrolment.id || claims.methodEnrollmentId !== enrolment.methodEnrollmentId) return { ok: false, reason: 'wrong-enrolment' };
  if (claims.userId !== undefined && claims.userId !== enrolment.userId) return { ok: false, reason: 'wrong-enrolment' };
  if (claims.transactionId !== undefined && claims.transactionId !== claims.jti) return { ok: false, reason: 'malformed' };
  if (new URL(claims.verificationUri).origin !== new URL(enrolment.orgUrl).origin) return { ok: false, reason: 'foreign-verification-uri' };
  const context_ = claims.challengeContext;
  return {
    ok: true,
    challenge: {
      id: claims.transactionId ?? claims.jti,
      enrolmentId: enrolment.id,
      orgUrl: enrolment.orgUrl,
      nonce: claims.nonce,
      verificationUri: claims.verificationUri,
      app: claims.appInstanceName ?? null,
      transactionType: context_?.transactionType ?? 'LOGIN',
      userVerification: claims.userVerification ?? 'PREFERRED',
      bindingMessage: context_?.bindingMessage ?? null,
      clientOS: context_?.clientOS ?? null,
      location: context_?.clientLocation ?? null,
      transactionTime: context_?.transactionTime ?? null,
      expiresAt: claims.exp * 1000 - context.skewMs,
      issuedAt: claims.iat * 1000 - context.skewMs,
      receivedAt: context.serverNow - context.skewMs,
      signals: claims.signals ?? [],
    },
  };
}

function sameOrg(issuer: string, orgUrl: string): boolean {
  try {
    return normalizeOrgUrl(issuer) === normalizeOrgUrl(orgUrl);
  } catch {
    return false;
  }
}

function joseReason(error: unknown): RejectReason {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'typ') return 'wrong-type';
    return error.reason === 'check_failed' && (error.claim === 'nbf' || error.claim === 'iat') ? 'not-yet-valid' : 'malformed';
  }
  if (error instanceof errors.JWKSNoMatchingKey) return 'unknown-key';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad-signature';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'wrong-algorithm';
  return 'malformed';
}
