import type { VerifiedChallenge } from './challenge';
import type { SeenChallenge } from './push-record';

export type ReplayVerdict = 'new' | 'pending' | 'replayed';

/**
 * The org lists a challenge on every poll until it is answered, so seeing the same transaction with
 * the same nonce again is normal. Anything else that reuses a transaction id or a nonce is a replay:
 * a transaction after its answer, a known transaction with another nonce, a known nonce on another
 * transaction. After the vault went back to an older copy (`historyFrom`), the record says nothing about
 * challenges issued before that moment, so they are refused too.
 */
export function judgeReplay(seen: readonly SeenChallenge[], challenge: Pick<VerifiedChallenge, 'id' | 'nonce' | 'enrolmentId' | 'issuedAt'>, historyFrom?: number): ReplayVerdict {
  if (historyFrom !== undefined && (challenge.issuedAt === undefined || challenge.issuedAt < historyFrom)) return 'replayed';
  const sameTransaction = seen.find((entry) => entry.enrolmentId === challenge.enrolmentId && entry.transactionId === challenge.id);
  if (sameTransaction) return !sameTransaction.answered && sameTransaction.nonce === challenge.nonce ? 'pending' : 'replayed';
  if (seen.some((entry) => entry.nonce === challenge.nonce)) return 'replayed';
  return 'new';
}

export function seenEntry(challenge: VerifiedChallenge, leewayMs: number): SeenChallenge {
  return { enrolmentId: challenge.enrolmentId, transactionId: challenge.id, nonce: challenge.nonce, forgetAfter: challenge.expiresAt + leewayMs + 60_000, answered: false };
}
