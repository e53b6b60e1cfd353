import { randomUUID } from 'node:crypto';
import { appError } from '../../../shared/errors';
import type { DeepLinkPreviewData } from '../../../shared/ipc/deep-link';
import type { DeepLink } from './parse-deep-link';

/** How long an offered account waits for the person before it is dropped. */
export const DEEP_LINK_TTL_MS = 10 * 60_000;

/**
 * Holds the one account a link offered until the person accepts or dismisses it in the popup.
 * A newer link replaces an older one; the URI (with its secret) never leaves this object except
 * to be saved on acceptance.
 */
export interface DeepLinkInbox {
  offer(link: DeepLink): DeepLinkPreviewData;
  pending(): DeepLinkPreviewData | null;
  /** The link's URI, once: the token is spent whether or not saving then succeeds. */
  take(token: string): string;
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
  const preview = (current: { token: string; link: DeepLink }): DeepLinkPreviewData => ({ token: current.token, ...current.link.preview });

  return {
    offer: (link) => {
      entry = { token: newToken(), link, at: options.now() };
      const offered = preview(entry);
      for (const listener of [...listeners]) listener();
      return offered;
    },
    pending: () => {
      const current = live();
      return current ? preview(current) : null;
    },
    take: (token) => {
      const current = live();
      if (!current || current.token !== token) throw appError('NOT_FOUND', 'That link’s account is no longer waiting to be added; open the link again.');
      entry = null;
      return current.link.otpauthUri;
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
