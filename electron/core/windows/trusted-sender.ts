import { isAppEntryUrl } from './app-origin';

/** What ipc.ts knows about the frame that sent a message (Electron's WebFrameMain, reduced to data). */
export interface SenderFrame {
  /** The frame's identity (frameKey), which single-use grants are bound to. */
  key: string;
  url: string;
  /** True when the frame has no parent: the page itself, not an iframe inside it. */
  isMainFrame: boolean;
}

/** Electron names a frame by its renderer process and routing id, the same in IPC events and media requests. */
export function frameKey(frame: { processId: number; routingId: number }): string {
  return `frame:${frame.processId}:${frame.routingId}`;
}

/**
 * Only our own top-level page may call main. A frame that navigated away, an iframe, or a page on
 * any other origin (even one loaded by mistake) gets FORBIDDEN_SENDER, whatever it sends.
 */
export function isTrustedSender(frame: Pick<SenderFrame, 'url' | 'isMainFrame'> | null | undefined): boolean {
  if (!frame || !frame.isMainFrame) return false;
  return isAppEntryUrl(frame.url);
}
