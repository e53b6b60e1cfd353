import type { BrowserOpener, Notifier, UserVerifier } from '../capabilities';
import type { CoreEvents } from '../core-events';
import type { CadencePolicy } from './poll-cadence';
import type { PushHttpOptions } from './org-http';
import type { PushLogEvent } from './push-log';
import type { PushService } from './push-service';

/** What the app hands the core for push approvals; without it the core answers calls but does not poll. */
export interface PushCoreOptions {
  notifier?: Notifier;
  openBrowser?: BrowserOpener;
  /** Touch ID on macOS (electron/main/platform/user-verifier.ts); absent elsewhere. */
  verifier?: UserVerifier;
  http?: PushHttpOptions;
  cadence?: CadencePolicy;
  log?: (event: PushLogEvent) => void;
  /** Epoch ms for push (default Date.now): challenge expiry needs a running clock. */
  now?: () => number;
}

/** Keeps the app's push service in step with the vault (locked, unlocked, changed elsewhere); returns the unsubscribe. */
export function followVault(service: PushService, options: { isVaultOpen: () => boolean; events: CoreEvents }): () => void {
  const offs = [
    options.events.on('vault:changed', () => service.setVaultOpen(options.isVaultOpen())),
    options.events.on('accounts:changed', () => {
      if (options.isVaultOpen()) service.sync();
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
