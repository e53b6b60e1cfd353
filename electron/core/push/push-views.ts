import type { PendingChallengeData, PushEnrolmentData } from '../../../shared/ipc/push';
import type { VerifiedChallenge } from './challenge';
import type { StoredEnrolment } from './push-record';
import type { PushService } from './push-service';
import { inBurst, newOrigin, requestTime } from './request-signals';

/** A waiting request as the popup and `traykey push watch --json` show it: the org's fields plus what Traykey noticed about it. */
export function pendingView(challenge: VerifiedChallenge, push: Pick<PushService, 'enrolments' | 'willVerify' | 'origins' | 'list'>): PendingChallengeData {
  const { id, orgUrl, app, transactionType, bindingMessage, clientOS, location, transactionTime, expiresAt } = challenge;
  const enrolment = push.enrolments().find((e) => e.id === challenge.enrolmentId);
  const fresh = newOrigin(challenge, push.origins());
  return {
    id,
    org: orgUrl,
    orgName: enrolment?.authenticatorName ?? null,
    user: enrolment?.username ?? null,
    app,
    transactionType,
    bindingMessage,
    clientOS,
    location,
    transactionTime,
    expiresAt,
    verifies: push.willVerify(challenge),
    requestedAt: requestTime(challenge),
    newOS: fresh.os,
    newLocation: fresh.location,
    burst: inBurst(challenge, push.list()),
  };
}

/** An enrolment as the app and the CLI list it (never its keys). */
export function enrolmentView(enrolment: StoredEnrolment): PushEnrolmentData {
  return {
    id: enrolment.id,
    org: enrolment.orgUrl,
    username: enrolment.username ?? null,
    authenticator: enrolment.authenticatorName ?? null,
    createdAt: enrolment.createdAt,
    userVerification: enrolment.userVerification !== undefined,
  };
}
