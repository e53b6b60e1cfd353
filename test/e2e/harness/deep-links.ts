/**
 * Serves the deep-link calls in the harness the way electron/main/main.ts does: the real inbox, handed to
 * the core as `deepLinks`, and the real receiver in front of it (gate, strict parsing, notices).
 * `open` plays the OS handing the running app a link; the page is always shown, so showing it is a no-op.
 */
import { createDeepLinkInbox, type DeepLinkInbox } from '../../../electron/core/deep-link/inbox';
import { createDeepLinkReceiver } from '../../../electron/core/deep-link/receive-deep-link';

export interface ServedDeepLinks {
  inbox: DeepLinkInbox;
  /** What the app told the person in system notifications about links. */
  notices: string[];
  open(raw: string): void;
}

export function serveDeepLinks(now: () => number = Date.now): ServedDeepLinks {
  const inbox = createDeepLinkInbox({ now });
  const notices: string[] = [];
  const receiver = createDeepLinkReceiver({ inbox, now, notify: (body) => notices.push(body), showPopup: () => undefined });
  receiver.start([]);
  return { inbox, notices, open: (raw) => receiver.openUrl(raw) };
}
