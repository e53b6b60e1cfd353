import type { AccountsService } from './accounts/accounts-service';
import { syncedAccounts } from './accounts/synced-accounts';
import { ConnectionStore } from './admin/connection-store';
import { EnrolJournal } from './admin/enrol-journal';
import { realTimers, type PowerEvents, type Timers } from './capabilities';
import { ClockSkewService, type ClockCheckOptions } from './clock-skew/clock-service';
import { withIdpHooks } from './clock-skew/idp-hooks';
import { createEvents, type CoreEventHub } from './core-events';
import type { KeyStore } from './keychain/key-store';
import { Clock } from './otp/clock';
import { PolicyService } from './policy/policy-service';
import type { PushCoreOptions } from './push/core-push';
import { PushService } from './push/push-service';
import { SettingsStore } from './settings/settings-store';
import { SyncService, type SyncServiceOptions } from './sync/sync-service';
import type { Vault } from './vault/vault';
import { VaultSession } from './vault/vault-session';

/** What the app's core and the CLI both build their services from. */
export interface ServiceOptions {
  /** The open vault: the app's for as long as it runs, the CLI's for one command. */
  vault: Vault;
  home: string;
  /** Epoch ms of the machine (default Date.now): sync and admin records are stamped with it; codes add the measured server skew. */
  now?: () => number;
  /** What the services schedule with once something starts them (default: real timers). */
  timers?: Timers;
  /** The keychain for reopening a keychain-mode vault after a lock (default: the OS keychain). */
  keyStore?: KeyStore;
  /** The organisation's policy, already read (readPolicy); default: none, everything as the person sets it. */
  policy?: PolicyService;
  /** Push approvals: notifications, Touch ID, http, polling cadence, the log, push's own clock. */
  push?: PushCoreOptions;
  /** Screen lock and sleep, which pause push polling while it runs. */
  power?: PowerEvents;
  /** How `clock:check` reaches the time source (tests: a loopback http server). */
  timeSource?: ClockCheckOptions;
  /**
   * Let identity providers' answers correct the code clock (the app, whose codes use it); the CLI's
   * codes use the machine's clock, so there a server's clock is neither measured nor warned about.
   */
  clockFromServers?: boolean;
  /** Sync's sentences (the CLI's name its commands) and its pause while a pairing waits for the other computer. */
  sync?: Pick<SyncServiceOptions, 'wording' | 'sleep'>;
}

/** The services over one open vault, wired one way for the app and the CLI; none of them is running yet. */
export interface Services {
  events: CoreEventHub;
  /** The machine's clock plus the measured server skew: what codes are computed with. */
  clock: Clock;
  clockSkew: ClockSkewService;
  session: VaultSession;
  /** Edits are stamped for sync; every saved change is announced through accountsChanged. */
  accounts: AccountsService;
  /** Emits 'accounts:changed' and runs the onAccountsChanged listeners: after a save here, or one by another process that was noticed. */
  accountsChanged(): void;
  /** Runs fn after each accountsChanged (the app's sync runner starts a round); returns the unsubscribe. */
  onAccountsChanged(fn: () => void): () => void;
  policy: PolicyService;
  settings: SettingsStore;
  push: PushService;
  sync: SyncService;
  /** The admin area's saved connections to Okta and Auth0 orgs. */
  connections: ConnectionStore;
  /** The test users recorded for one admin connection. */
  journal(connectionId: string): EnrolJournal;
}

/**
 * Builds every service from one set of options without starting anything: no timer, watcher or poll.
 * createCore starts what the app runs in the background; a CLI command starts only what it asks for.
 */
export function composeServices(options: ServiceOptions): Services {
  const now = options.now ?? Date.now;
  const timers = options.timers ?? realTimers;
  const events = createEvents();
  const clock = new Clock(now);
  const session = new VaultSession(options.vault, { home: options.home, ...(options.keyStore ? { keyStore: options.keyStore } : {}) });
  const listeners = new Set<() => void>();
  const accountsChanged = () => {
    events.emit('accounts:changed');
    for (const fn of [...listeners]) fn();
  };
  const accounts = syncedAccounts(session.vault, { now: () => clock.now(), stampNow: now, onChange: accountsChanged });
  const policy = options.policy ?? new PolicyService([]);
  const settings = new SettingsStore(options.home, () => policy.policy);
  const clockSkew = new ClockSkewService(clock, settings, events.emit, { ...options.timeSource, ...(options.now ? { machineNow: options.now } : {}) });
  const pushOptions = options.clockFromServers ? withIdpHooks(options.push, clockSkew) : options.push;
  const push = new PushService({
    vault: session.vault,
    timers,
    onChange: () => events.emit('push:changed'),
    onOpenRequest: () => events.emit('push:open'),
    ...(pushOptions?.now ? { now: pushOptions.now } : {}),
    ...(pushOptions?.notifier ? { notifier: pushOptions.notifier } : {}),
    ...(options.power ? { power: options.power } : {}),
    ...(pushOptions?.verifier ? { verifier: pushOptions.verifier } : {}),
    ...(pushOptions?.http ? { http: pushOptions.http } : {}),
    ...(pushOptions?.cadence ? { cadence: pushOptions.cadence } : {}),
    ...(pushOptions?.log ? { log: pushOptions.log } : {}),
  });
  const sync = new SyncService({ vault: session.vault, home: options.home, now, ...options.sync });
  const connections = new ConnectionStore(session.vault, now);
  return {
    events,
    clock,
    clockSkew,
    session,
    accounts,
    accountsChanged,
    onAccountsChanged(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    policy,
    settings,
    push,
    sync,
    connections,
    journal: (connectionId) => new EnrolJournal(session.vault, connectionId, now),
  };
}
