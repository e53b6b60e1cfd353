import type { z } from 'zod';
import type { AccountSummary } from '../../../shared/accounts';
import type { deepLinkCalls } from '../../../shared/ipc/deep-link';
import type { DeepLinkInbox } from '../deep-link/inbox';
import type { DomainHandlers } from './core-context';

type Calls = typeof deepLinkCalls;
export type DeepLinkHandlers = {
  [C in keyof Calls]: (request: z.output<Calls[C]['request']>) => Promise<z.output<Calls[C]['response']>>;
};

/**
 * The deep-link calls over the inbox that main (or the e2e harness) fills with the links the OS hands
 * over. Accepting saves through the same `accounts.addUri` the Add view uses, so validation and
 * duplicates behave the same.
 */
export function deepLinkHandlers(inbox: DeepLinkInbox, addUri: (request: { uri: string }) => Promise<AccountSummary>): DeepLinkHandlers {
  return {
    'deepLink:pending': async () => inbox.pending(),
    'deepLink:accept': async ({ token }) => addUri({ uri: inbox.take(token) }),
    'deepLink:dismiss': async ({ token }) => {
      inbox.dismiss(token);
      return {};
    },
  };
}

/** Served only where links can arrive (main, the e2e harness): the core was given an inbox. */
export const deepLinkDomain: DomainHandlers = ({ deepLinks, accounts }) => (deepLinks ? deepLinkHandlers(deepLinks, ({ uri }) => accounts.addUri(uri)) : {});
