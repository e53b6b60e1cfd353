import type { VerifiedChallenge } from './challenge';
import type { ApprovedOrigin } from './push-record';

/** Enough places for a person who travels; the oldest fall off first. */
const ORIGINS_PER_ENROLMENT = 20;
/** Requests for one user closer together than this look like push bombing (an attacker retrying). */
export const BURST_WINDOW_MS = 15_000;

export function rememberedOrigins(origins: readonly ApprovedOrigin[], origin: ApprovedOrigin): ApprovedOrigin[] {
  const others = origins.filter((o) => !(o.enrolmentId === origin.enrolmentId && o.clientOS === origin.clientOS && o.location === origin.location));
  const mine = [...others.filter((o) => o.enrolmentId === origin.enrolmentId), origin].sort((a, b) => b.lastApprovedAt - a.lastApprovedAt).slice(0, ORIGINS_PER_ENROLMENT);
  return [...others.filter((o) => o.enrolmentId !== origin.enrolmentId), ...mine];
}

/** Which parts of a request's origin the person has never approved from with this enrolment. */
export function newOrigin(challenge: Pick<VerifiedChallenge, 'enrolmentId' | 'clientOS' | 'location'>, origins: readonly ApprovedOrigin[]): { os: boolean; location: boolean } {
  const mine = origins.filter((o) => o.enrolmentId === challenge.enrolmentId);
  return {
    os: challenge.clientOS !== null && !mine.some((o) => o.clientOS === challenge.clientOS),
    location: challenge.location !== null && !mine.some((o) => o.location === challenge.location),
  };
}

/** The org's time of the request (its transactionTime), or when it was first seen here. */
export function requestTime(challenge: Pick<VerifiedChallenge, 'transactionTime' | 'receivedAt'>): number {
  const stated = challenge.transactionTime ? Date.parse(challenge.transactionTime) : Number.NaN;
  return Number.isFinite(stated) ? stated : challenge.receivedAt;
}

/** True when another request for the same user came within the burst window of this one. */
export function inBurst(challenge: VerifiedChallenge, pending: readonly VerifiedChallenge[]): boolean {
  const at = requestTime(challenge);
  return pending.some((other) => other.id !== challenge.id && other.enrolmentId === challenge.enrolmentId && Math.abs(requestTime(other) - at) < BURST_WINDOW_MS);
}
