import type { z } from 'zod';
import type { AccountSummary } from '../../../shared/accounts';
import type { DeepLinkPreviewData, deepLinkCalls } from '../../../shared/ipc/deep-link';
import type { PushEnrolmentData } from '../../../shared/ipc/push';
import { orgAddress, pushOrgAllowed, type ManagedPolicy } from '../../../shared/policy/policy-schema';
import type { DeepLinkInbox, OfferedLink } from '../deep-link/inbox';
import type { DomainHandlers } from './core-context';
import { enrolFromApp } from './push';

type Calls = typeof deepLinkCalls;
export type DeepLinkHandlers = {
  [C in keyof Calls]: (request: z.output<Calls[C]['request']>) => Promise<z.output<Calls[C]['response']>>;
};

/** The sentence shown instead of a Set up button when the organisation did not allow the org. */
export const ORG_NOT_ALLOWED = 'Your organisation does not allow sign-in approvals with this org on this computer. Dismiss this, and ask your IT team for the right link.';

/** What the popup shows; an approvals link is checked against the policy as it is now, not as it was. */
export function previewOf({ token, shown }: OfferedLink, policy: ManagedPolicy): DeepLinkPreviewData {
  if (shown.action === 'add') return { kind: 'account', token, ...shown.preview };
  const listed = policy.pushOrgs?.find((org) => orgAddress(org.url) === shown.org);
  return { kind: 'enrol-push', token, org: shown.org, name: listed?.name ?? new URL(shown.org).hostname, refusal: pushOrgAllowed(policy, shown.org) ? null : ORG_NOT_ALLOWED };
}

/**
 * The deep-link calls over the inbox that main (or the e2e harness) fills with the links the OS hands
 * over. Accepting goes through the same use-cases as the Add view and the Approvals view, so
 * validation, duplicates and the policy behave the same.
 */
export function deepLinkHandlers(
  inbox: DeepLinkInbox,
  deps: { policy: () => ManagedPolicy; addUri: (uri: string) => Promise<AccountSummary>; enrol: (org: string, clientId: string) => Promise<PushEnrolmentData> },
): DeepLinkHandlers {
  return {
    'deepLink:pending': async () => {
      const offered = inbox.pending();
      return offered ? previewOf(offered, deps.policy()) : null;
    },
    'deepLink:accept': async ({ token }) => {
      const link = inbox.take(token);
      if (link.action === 'add') return { kind: 'account', account: await deps.addUri(link.otpauthUri) };
      return { kind: 'enrolment', enrolment: await deps.enrol(link.org, link.clientId) };
    },
    'deepLink:dismiss': async ({ token }) => {
      inbox.dismiss(token);
      return {};
    },
  };
}

/** Served only where links can arrive (main, the e2e harness): the core was given an inbox. */
export const deepLinkDomain: DomainHandlers = (context) =>
  context.deepLinks
    ? deepLinkHandlers(context.deepLinks, {
        policy: () => context.policy.policy,
        addUri: (uri) => context.accounts.addUri(uri),
        enrol: (org, clientId) => enrolFromApp(context, { org, clientId }),
      })
    : {};
