import type { Handlers } from '../../../shared/ipc';
import { appError } from '../../../shared/errors';
import type { BrowserOpener } from '../capabilities';
import type { PushService } from '../push/push-service';
import { approvalSentence } from '../push/user-verification';
import { enrolmentView, pendingView } from '../push/push-views';
import type { CoreContext } from './core-context';

type PushHandlers = Pick<Handlers, Extract<keyof Handlers, `push:${string}`>>;

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
