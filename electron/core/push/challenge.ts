import { z } from 'zod';

export const TransactionType = z.enum(['LOGIN', 'CIBA']);
/** What the challenge asks of the person (the custom authenticator's user-verification setting). */
export const UserVerificationDemand = z.enum(['REQUIRED', 'PREFERRED', 'DISCOURAGED']);
export type UserVerificationDemand = z.infer<typeof UserVerificationDemand>;

/**
 * The claims Traykey reads from a challenge (okta-pushbind+jwt); the rest are ignored. `userMediation`
 * among them: Traykey never answers without the person, which meets NONE, OPTIONAL and REQUIRED alike.
 */
export const ChallengeClaims = z
  .object({
    iss: z.string(),
    exp: z.number(),
    iat: z.number(),
    jti: z.string().min(1),
    transactionId: z.string().min(1).optional(),
    nonce: z.string().min(1),
    verificationUri: z.string().url(),
    userId: z.string().optional(),
    authenticatorEnrollmentId: z.string(),
    methodEnrollmentId: z.string(),
    method: z.literal('push').optional(),
    appInstanceName: z.string().optional(),
    userVerification: UserVerificationDemand.optional().catch(undefined),
    signals: z.array(z.string()).optional(),
    challengeContext: z
      .object({
        clientOS: z.string().optional(),
        clientLocation: z.string().optional(),
        transactionTime: z.string().optional(),
        transactionType: TransactionType.optional(),
        bindingMessage: z.string().optional(),
      })
      .loose()
      .optional(),
  })
  .loose();
export type ChallengeClaims = z.infer<typeof ChallengeClaims>;

/** A challenge that passed every check: what the approval window shows and the answer needs. */
export interface VerifiedChallenge {
  /** The transaction id; also the id people type in `traykey push approve ID`. */
  id: string;
  enrolmentId: string;
  orgUrl: string;
  nonce: string;
  verificationUri: string;
  app: string | null;
  transactionType: 'LOGIN' | 'CIBA';
  /** Absent in a challenge: treated as PREFERRED (verify when a user-verification key exists). */
  userVerification: UserVerificationDemand;
  bindingMessage: string | null;
  clientOS: string | null;
  location: string | null;
  transactionTime: string | null;
  /** Epoch ms (server clock turned into local time) when the challenge stops being answerable. */
  expiresAt: number;
  /** Epoch ms (local time) when the org issued it, when the challenge says (`iat`). */
  issuedAt?: number;
  /** Epoch ms (local clock) when this machine verified it. */
  receivedAt: number;
  signals: string[];
}
