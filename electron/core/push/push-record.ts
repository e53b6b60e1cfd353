import { z } from 'zod';

/** A P-256 key as JWK; the private half (`d`) only ever lives in the vault. */
export const StoredJwk = z
  .object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string(), d: z.string().optional(), kid: z.string() })
  .loose();
export type StoredJwk = z.infer<typeof StoredJwk>;

/** One enrolment of this machine as an Okta custom authenticator, as kept in the vault's `push` section. */
export const StoredEnrolment = z.object({
  id: z.string().min(1),
  orgUrl: z.string().url(),
  clientId: z.string().min(1),
  authenticatorId: z.string().min(1),
  authenticatorName: z.string().optional(),
  methodEnrollmentId: z.string().min(1),
  userId: z.string().min(1),
  username: z.string().optional(),
  deviceId: z.string().optional(),
  pendingHref: z.string().min(1),
  tokenEndpoint: z.string().url(),
  jwksUri: z.string().url(),
  proofOfPossession: StoredJwk,
  /** Signs only APPROVED_USER_VERIFICATION answers, and only after the OS verified the person. */
  userVerification: StoredJwk.optional(),
  clientInstance: StoredJwk,
  createdAt: z.number(),
});
export type StoredEnrolment = z.infer<typeof StoredEnrolment>;

/** A challenge this machine has accepted once: later copies must match it exactly, and never after an answer. */
export const SeenChallenge = z.object({
  enrolmentId: z.string(),
  transactionId: z.string(),
  nonce: z.string(),
  /** Epoch ms after which the entry may be forgotten (the challenge's exp plus leeway). */
  forgetAfter: z.number(),
  answered: z.boolean(),
});
export type SeenChallenge = z.infer<typeof SeenChallenge>;

/** Where the person has approved sign-ins from before, per enrolment: the baseline for "unusual". */
export const ApprovedOrigin = z.object({
  enrolmentId: z.string(),
  clientOS: z.string().nullable(),
  location: z.string().nullable(),
  lastApprovedAt: z.number(),
});
export type ApprovedOrigin = z.infer<typeof ApprovedOrigin>;

export const PushSection = z.object({
  enrolments: z.array(StoredEnrolment).default([]),
  seen: z.array(SeenChallenge).default([]),
  /**
   * Epoch ms from which `seen` is complete: set when the person went back to an older copy of the vault,
   * whose record lacks what was seen after it. Challenges issued before it are refused as possible replays.
   */
  historyFrom: z.number().optional(),
  origins: z.array(ApprovedOrigin).default([]),
});
export type PushSection = z.infer<typeof PushSection>;

/** Org URLs compare without a trailing slash or case differences in the host. */
export function normalizeOrgUrl(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  parsed.search = '';
  return parsed.toString().replace(/\/+$/, '');
}
