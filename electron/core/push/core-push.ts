import type { EventName } from '../../../shared/ipc';
import type { VaultLike } from '../accounts/accounts-service';
import type { BrowserOpener, Notifier, PowerEvents, Timers, UserVerifier } from '../capabilities';
import type { CadencePolicy } from './poll-cadence';
import type { PushHttpOptions } from './org-http';
import type { PushLogEvent } from './push-log';
import { PushService } from './push-service';

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

interface CoreEventsLike {
  on(name: EventName, fn: () => void): () => void;
  emit(name: EventName): void;
}

/** Builds the core's push service and keeps it in step with the vault (locked, unlocked, changed elsewhere). */
export function attachPush(options: { vault: VaultLike; isVaultOpen: () => boolean; events: CoreEventsLike; timers: Timers; push: PushCoreOptions | undefined; power?: PowerEvents }) {
  const config = options.push;
  const service = new PushService({
    vault: options.vault,
    timers: options.timers,
    onChange: () => options.events.emit('push:changed'),
    onOpenRequest: () => options.events.emit('push:open'),
    ...(config?.now ? { now: config.now } : {}),
    ...(config?.notifier ? { notifier: config.notifier } : {}),
    ...(options.power ? { power: options.power } : {}),
    ...(config?.verifier ? { verifier: config.verifier } : {}),
    ...(config?.http ? { http: config.http } : {}),
    ...(config?.cadence ? { cadence: config.cadence } : {}),
    ...(config?.log ? { log: config.log } : {}),
  });
  const offs = [
    options.events.on('vault:changed', () => service.setVaultOpen(options.isVaultOpen())),
    options.events.on('accounts:changed', () => {
      if (options.isVaultOpen()) service.sync();
    }),
  ];
  if (config) service.start();
  return {
    service,
    openBrowser: config?.openBrowser,
    stop() {
      for (const off of offs) off();
      service.stop();
    },
  };
}
