/**
 * Serves the deep-link calls in the harness the way electron/main/main.ts does: the real inbox, handed to
 * the core as `deepLinks`, whose one handler registry serves the calls. `open` plays the OS handing
 * the app a link: parse, then offer (the core tells the page).
 */
import { createDeepLinkInbox, type DeepLinkInbox } from '../../../electron/core/deep-link/inbox';
import { parseDeepLink } from '../../../electron/core/deep-link/parse-deep-link';

export interface ServedDeepLinks {
  inbox: DeepLinkInbox;
  open(raw: string): void;
}

export function serveDeepLinks(now: () => number = Date.now): ServedDeepLinks {
  const inbox = createDeepLinkInbox({ now });
  return {
    inbox,
    open(raw) {
      const parsed = parseDeepLink(raw);
      if (!parsed.ok) throw new Error(`not a deep link: ${parsed.error.code}`);
      inbox.offer(parsed.link);
    },
  };
}
