import type { Handlers } from '../../../shared/ipc';
import type { PendingChallengeData, PushEnrolmentData } from '../../../shared/ipc/push';
import { appError } from '../../../shared/errors';
import type { VerifiedChallenge } from '../push/challenge';
import type { BrowserOpener } from '../capabilities';
import type { StoredEnrolment } from '../push/push-record';
import type { PushService } from '../push/push-service';
import { approvalSentence } from '../push/user-verification';
import { inBurst, newOrigin, requestTime } from '../push/request-signals';
import type { CoreContext } from './core-context';

type PushHandlers = Pick<Handlers, Extract<keyof Handlers, `push:${string}`>>;

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

export function createPushHandlers(push: PushService, openBrowser: BrowserOpener | undefined): PushHandlers {
  const browser = () => {
    if (!openBrowser) throw appError('UNSUPPORTED', 'Enrolling needs the desktop app or the traykey CLI, which can open a browser.');
    return { kind: 'browser' as const, openBrowser };
  };
  return {
    'push:pending': async () => {
      push.activity();
      return { challenges: push.list().map((challenge) => pendingView(challenge, push)), focus: push.takeFocus() };
    },
    'push:approve': async ({ id }) => {
      const result = await push.approve(id);
      return { result, message: approvalSentence(result, push.verifierName()) };
    },
    'push:deny': async ({ id }) => ({ result: await push.deny(id) }),
    'push:enrolments': async () => push.enrolments().map(enrolmentView),
    'push:enrol': async ({ org, clientId }) => enrolmentView(await push.enrol({ orgUrl: org, clientId, signIn: browser() })),
    'push:userVerification': async ({ org, enabled }) => enrolmentView(await push.setUserVerification({ orgUrl: org, enabled, signIn: browser() })),
    'push:remove': async ({ org }) => {
      await push.remove({ orgUrl: org, signIn: browser() });
      return {};
    },
  };
}

export function pushHandlers({ push, openBrowser }: CoreContext): PushHandlers {
  return createPushHandlers(push, openBrowser);
}
