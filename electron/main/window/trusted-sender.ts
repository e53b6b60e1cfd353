import { isAppEntryUrl } from './app-origin';

/** What ipc.ts knows about the frame that sent a message (Electron's WebFrameMain, reduced to data). */
export interface SenderFrame {
  url: string;
  /** True when the frame has no parent: the page itself, not an iframe inside it. */
  isMainFrame: boolean;
}

/**
 * Only our own top-level page may call main. A frame that navigated away, an iframe, or a page on
 * any other origin (even one loaded by mistake) gets FORBIDDEN_SENDER, whatever it sends.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame || !frame.isMainFrame) return false;
  return isAppEntryUrl(frame.url);
}
