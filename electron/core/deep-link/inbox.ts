import { randomUUID } from 'node:crypto';
import { appError } from '../../../shared/errors';
import { shownLink, type DeepLink, type ShownLink } from './parse-deep-link';

/** How long an offered account waits for the person before it is dropped. */
export const DEEP_LINK_TTL_MS = 10 * 60_000;

/** A link waiting for the person, as it may be shown, under the one-time token the renderer answers with. */
export interface OfferedLink {
  token: string;
  shown: ShownLink;
}

/**
 * Holds the one link (an account, or an approvals set-up) offered until the person accepts or dismisses
 * it in the popup. A newer link replaces an older one; an account's URI (with its secret) never leaves
 * this object except to be saved on acceptance.
 */
export interface DeepLinkInbox {
  offer(link: DeepLink): OfferedLink;
  pending(): OfferedLink | null;
  /** The link, once: the token is spent whether or not saving or enrolling then succeeds. */
  take(token: string): DeepLink;
  dismiss(token: string): void;
  /** Hears of every offer, so the popup can be told; returns the unsubscribe function. */
  onOffer(listener: () => void): () => void;
}

export function createDeepLinkInbox(options: { now: () => number; newToken?: () => string; ttlMs?: number }): DeepLinkInbox {
  const ttl = options.ttlMs ?? DEEP_LINK_TTL_MS;
  const newToken = options.newToken ?? randomUUID;
  let entry: { token: string; link: DeepLink; at: number } | null = null;
  const listeners = new Set<() => void>();

  const live = () => {
    if (entry && options.now() - entry.at > ttl) entry = null;
    return entry;
  };
  const offered = (current: { token: string; link: DeepLink }): OfferedLink => ({ token: current.token, shown: shownLink(current.link) });

  return {
    offer: (link) => {
      entry = { token: newToken(), link, at: options.now() };
      for (const listener of [...listeners]) listener();
      return offered(entry);
    },
    pending: () => {
      const current = live();
      return current ? offered(current) : null;
    },
    take: (token) => {
      const current = live();
      if (!current || current.token !== token) throw appError('NOT_FOUND', 'That link is no longer waiting for an answer; open the link again.');
      entry = null;
      return current.link;
    },
    dismiss: (token) => {
      if (live()?.token === token) entry = null;
    },
    onOffer: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
