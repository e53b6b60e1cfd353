import type { z } from 'zod';
import type { AccountSummary } from '../../shared/accounts';
import type { deepLinkCalls } from '../../shared/ipc/deep-link';
import type { DeepLinkInbox } from './inbox';

type Calls = typeof deepLinkCalls;
export type DeepLinkHandlers = {
  [C in keyof Calls]: (request: z.output<Calls[C]['request']>) => Promise<z.output<Calls[C]['response']>>;
};

/**
 * The deep-link calls, served by main (the inbox lives in the shell). Accepting saves through the
 * same `accounts:addUri` handler the Add view uses, so validation and duplicates behave the same.
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
