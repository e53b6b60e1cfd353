import type { OfferedScreen } from '../../../shared/ipc/scan';
import type { ScreenRoster } from '../capabilities';

/** How long after the person's Scan click the page may open its screen captures. */
export const SHARE_WINDOW_MS = 10_000;

/** One getDisplayMedia request as Electron's display-media handler sees it, reduced to data. */
export interface ShareAsk {
  /** The requesting frame's key (frameKey); null when the frame is already gone. */
  sender: string | null;
  /** Our own page, in its top-level frame. */
  trusted: boolean;
  userGesture: boolean;
  videoRequested: boolean;
  audioRequested: boolean;
}

/** The desktop-capturer source to grant, as Electron's callback takes it. */
export interface GrantedSource {
  id: string;
  name: string;
}

interface Offer {
  sender: string;
  queue: GrantedSource[];
  expiresAt: number;
  /** The first capture of an offer needs the click's user activation; the others belong to the same scan. */
  started: boolean;
}

/**
 * Which screen, if any, a page's getDisplayMedia request gets. main.ts wires `grant` into the session's
 * display-media handler; this decides. A page gets screens only after asking main for them (scan:screens),
 * only its own top-level frame, video without audio, starting within a user gesture, each screen once,
 * in the order offered, and within SHARE_WINDOW_MS. Anything else is refused.
 */
export class ScreenShares {
  private offer: Offer | null = null;

  constructor(
    private readonly roster: ScreenRoster,
    private readonly now: () => number,
  ) {}

  /** Lists the screens for `sender` and opens a short window in which its page may capture each once. */
  async open(sender: string): Promise<OfferedScreen[]> {
    const screens = await this.roster.listScreens();
    this.offer = { sender, queue: screens.map(({ sourceId, name }) => ({ id: sourceId, name })), expiresAt: this.now() + SHARE_WINDOW_MS, started: false };
    return screens.map(({ label, width, height }) => ({ label, width, height }));
  }

  grant(ask: ShareAsk): GrantedSource | null {
    const offer = this.offer;
    if (offer === null || ask.sender === null || ask.sender !== offer.sender || !ask.trusted) return null;
    if (this.now() > offer.expiresAt) {
      this.offer = null;
      return null;
    }
    if (!ask.videoRequested || ask.audioRequested || (!offer.started && !ask.userGesture)) return null;
    const next = offer.queue.shift() ?? null;
    offer.started = true;
    if (offer.queue.length === 0) this.offer = null;
    return next;
  }
}
