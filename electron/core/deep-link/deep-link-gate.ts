/**
 * Any web page can open traykey:// and otpauth:// links, as often as it likes. Each link that gets
 * through pops the window, so the gate lets one preview wait at a time and at most a few links a
 * minute through; the rest are dropped and counted, and the person is told how many once.
 */
export const DEEP_LINK_LIMIT = { maxLinks: 3, windowMs: 60_000 } as const;

export type GateDecision =
  /** Show this link; `droppedBefore` links were ignored since the last one shown. */
  | { action: 'show'; droppedBefore: number }
  /** Ignore it; `firstDrop` is true once per run of ignored links, so the person hears of it once. */
  | { action: 'drop'; reason: 'busy' | 'rate'; firstDrop: boolean };

export interface DeepLinkGate {
  /** `previewWaiting`: a link's account is still waiting for the person to add or dismiss it. */
  admit(previewWaiting: boolean): GateDecision;
}

export function createDeepLinkGate(options: { now: () => number; maxLinks?: number; windowMs?: number }): DeepLinkGate {
  const maxLinks = options.maxLinks ?? DEEP_LINK_LIMIT.maxLinks;
  const windowMs = options.windowMs ?? DEEP_LINK_LIMIT.windowMs;
  let shown: number[] = [];
  let dropped = 0;

  const drop = (reason: 'busy' | 'rate'): GateDecision => {
    dropped += 1;
    return { action: 'drop', reason, firstDrop: dropped === 1 };
  };

  return {
    admit(previewWaiting) {
      const now = options.now();
      shown = shown.filter((at) => now - at < windowMs);
      if (previewWaiting) return drop('busy');
      if (shown.length >= maxLinks) return drop('rate');
      shown.push(now);
      const droppedBefore = dropped;
      dropped = 0;
      return { action: 'show', droppedBefore };
    },
  };
}

/** The one sentence for ignored links, or null when there is nothing to say. */
export function droppedLinksNotice(decision: GateDecision): string | null {
  if (decision.action === 'show') {
    return decision.droppedBefore > 0 ? `Traykey ignored ${decision.droppedBefore} other setup link${decision.droppedBefore === 1 ? '' : 's'} that arrived while it was busy or too many came at once.` : null;
  }
  if (!decision.firstDrop) return null;
  return decision.reason === 'busy'
    ? 'A setup link is already waiting in Traykey: add or dismiss it first; other links are ignored until then.'
    : 'Too many setup links arrived at once, so Traykey is ignoring them for a minute.';
}
