import { createDeepLinkGate, droppedLinksNotice, type DeepLinkGate } from './deep-link-gate';
import type { DeepLinkInbox } from './inbox';
import { findDeepLinkArgument, parseDeepLink } from './parse-deep-link';

/**
 * What the app does with a link the OS hands it: macOS's open-url, another launch's command line, or
 * its own. Links are untrusted input from any web page, so each passes the gate (one preview at a
 * time, a few a minute), is parsed strictly and is only offered in the popup; the person hears once
 * of dropped links and of a link Traykey cannot take. Electron's main process only forwards events.
 */
export interface DeepLinkReceiver {
  /** A link the OS delivered as an event (macOS open-url). */
  openUrl(raw: string): void;
  /** Another launch's command line: its link, or else the person asked for the popup. */
  secondLaunch(argv: readonly string[]): void;
  /** The popup exists: this launch's own link first, then what arrived while starting, in order. */
  start(ownArgv: readonly string[]): void;
}

export interface DeepLinkReceiverOptions {
  inbox: DeepLinkInbox;
  now: () => number;
  notify(body: string): void;
  showPopup(): void;
  gate?: DeepLinkGate;
}

export function createDeepLinkReceiver(options: DeepLinkReceiverOptions): DeepLinkReceiver {
  const { inbox, notify, showPopup } = options;
  const gate = options.gate ?? createDeepLinkGate({ now: options.now });
  // Links can arrive before the app is ready; they wait here until the popup can show them.
  let waiting: (() => void)[] | null = [];

  const open = (raw: string): void => {
    const decision = gate.admit(inbox.pending() !== null);
    const notice = droppedLinksNotice(decision);
    if (notice) notify(notice);
    if (decision.action === 'drop') return;
    const parsed = parseDeepLink(raw);
    if (parsed.ok) inbox.offer(parsed.link);
    else notify(parsed.error.message);
    showPopup();
  };
  const whenStarted = (then: () => void): void => {
    if (waiting) waiting.push(then);
    else then();
  };

  return {
    openUrl: (raw) => whenStarted(() => open(raw)),
    secondLaunch: (argv) => {
      const link = findDeepLinkArgument(argv);
      whenStarted(() => (link ? open(link) : showPopup()));
    },
    start: (ownArgv) => {
      if (!waiting) return;
      const early = waiting;
      waiting = null;
      const own = findDeepLinkArgument(ownArgv);
      if (own) open(own);
      for (const then of early) then();
    },
  };
}
