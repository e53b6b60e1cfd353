/**
 * Serves the deep-link calls in the harness the way electron/main.ts does: electron/deep-link's
 * real inbox and handlers, added to the core through `coreOptions.domains`. `open` plays the OS
 * handing the app a link: parse, offer, then tell the page.
 */
import type { EventName } from '../../../shared/ipc';
import type { DomainHandlers } from '../../../electron/core/handlers/core-context';
import { deepLinkHandlers } from '../../../electron/deep-link/handlers';
import { createDeepLinkInbox, type DeepLinkInbox } from '../../../electron/deep-link/inbox';
import { parseDeepLink } from '../../../electron/deep-link/parse-deep-link';

export interface ServedDeepLinks {
  inbox: DeepLinkInbox;
  domain: DomainHandlers;
  open(raw: string): void;
}

export function serveDeepLinks(now: () => number = Date.now): ServedDeepLinks {
  const inbox = createDeepLinkInbox({ now });
  // Every core given this domain hears of a link, as every window of main would.
  const emitters = new Set<(event: EventName) => void>();
  return {
    inbox,
    domain: (context) => {
      emitters.add(context.emit);
      return deepLinkHandlers(inbox, ({ uri }) => context.accounts.addUri(uri));
    },
    open(raw) {
      const parsed = parseDeepLink(raw);
      if (!parsed.ok) throw new Error(`not a deep link: ${parsed.error.code}`);
      inbox.offer(parsed.link);
      for (const emit of emitters) emit('deepLink:received');
    },
  };
}
