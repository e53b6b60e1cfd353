import type { Handlers } from '../../../shared/ipc';
import type { PushEnrolmentData } from '../../../shared/ipc/push';
import { appError } from '../../../shared/errors';
import type { BrowserOpener } from '../capabilities';
import type { SignInMethod } from '../push/oidc-signin';
import { approvalSetUp, enrolAllowedOrg } from '../push/approval-set-up';
import { approvalSentence } from '../push/user-verification';
import { enrolmentView, pendingView } from '../push/push-views';
import type { CoreContext } from './core-context';

type PushHandlers = Pick<Handlers, Extract<keyof Handlers, `push:${string}`>>;

/** The app signs in to an org in the system browser; where no browser can be opened, it says so. */
function browserSignIn(openBrowser: BrowserOpener | undefined): SignInMethod {
  if (!openBrowser) throw appError('UNSUPPORTED', 'Enrolling needs the desktop app or the traykey CLI, which can open a browser.');
  return { kind: 'browser', openBrowser };
}

/** Enrolment as the app starts it (Approvals view, a traykey://enrol-push link): policy first, then the browser. */
export async function enrolFromApp({ push, openBrowser, policy }: Pick<CoreContext, 'push' | 'openBrowser' | 'policy'>, { org, clientId }: { org: string; clientId: string }): Promise<PushEnrolmentData> {
  return enrolmentView(await enrolAllowedOrg({ push, policy }, { orgUrl: org, clientId, signIn: () => browserSignIn(openBrowser) }));
}

export function pushHandlers(context: CoreContext): PushHandlers {
  const { push, openBrowser, policy } = context;
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
    'push:setUp': async () => ({ ...approvalSetUp(policy.policy, push.enrolments()), userVerifier: push.verifierName() ?? null }),
    'push:enrol': async ({ org, clientId }) => enrolFromApp(context, { org, clientId }),
    'push:userVerification': async ({ org, enabled }) => enrolmentView(await push.setUserVerification({ orgUrl: org, enabled, signIn: browserSignIn(openBrowser) })),
    'push:remove': async ({ org }) => {
      await push.remove({ orgUrl: org, signIn: browserSignIn(openBrowser) });
      return {};
    },
  };
}
