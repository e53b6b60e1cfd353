import { appError } from '../../shared/errors';
import { channels, type Channel, type Handlers } from '../../shared/ipc';
import type { AccountsService } from './accounts/accounts-service';
import { watchVault } from './accounts/vault-watcher';
import { ClipboardGuard } from './clipboard/clipboard-guard';
import { realTimers, type AppWindows, type Clipboard, type FileDialogs, type GlobalShortcuts, type PowerEvents, type Timers, type UserPresence } from './capabilities';
import { accountsHandlers } from './handlers/accounts';
import type { CoreContext, DomainHandlers } from './handlers/core-context';
import { scanHandlers } from './handlers/scan';
import { settingsHandlers } from './handlers/settings';
import { vaultHandlers } from './handlers/vault';
import { pushHandlers } from './handlers/push';
import { adminHandlers } from './handlers/admin';
import { transferHandlers } from './handlers/transfer';
import { backupHandlers } from './handlers/backup';
import { ImportSession } from './backup/import-session';
import { runSync } from './sync/core-sync';
import { syncHandlers } from './sync/sync-handlers';
import { confirmHandlers } from './handlers/confirm';
import { followVault, type PushCoreOptions } from './push/core-push';
import type { PushService } from './push/push-service';
import type { ClockSkewService, ClockCheckOptions } from './clock-skew/clock-service';
import { composeServices } from './compose-services';
import type { CoreEvents } from './core-events';
import type { Clock } from './otp/clock';
import type { SettingsStore } from './settings/settings-store';
import type { VaultSession } from './vault/vault-session';
import { clockHandlers } from './handlers/clock';
import { deepLinkDomain } from './handlers/deep-link';
import type { DeepLinkInbox } from './deep-link/inbox';
import { LockService } from './lock/lock-service';
import { trackActivity } from './lock/track-activity';
import type { KeyStore } from './keychain/key-store';
import type { PolicyService } from './policy/policy-service';
import { guardByPolicy } from './policy/guard-handlers';
import { policyHandlers } from './handlers/policy';
import { UpdateService, type Updater } from './updates/update-service';
import { updateHandlers } from './handlers/updates';
import { windowsHandlers } from './handlers/windows';
import { sendCodesForShow } from './accounts/codes-for-show';
import { shortcutHandlers } from './handlers/shortcut';
import { ShortcutService } from './shortcut/shortcut-service';
import type { Platform } from '../../shared/shortcut/accelerator';
import type { Vault } from './vault/vault';
import type { ScreenShares } from './qr/screen-shares';

/** Every domain's handlers, the one registry main and the e2e harness both serve; a new domain adds its factory here (and its calls to shared/ipc.ts). */
const coreDomains: DomainHandlers[] = [accountsHandlers, settingsHandlers, vaultHandlers, scanHandlers, pushHandlers, adminHandlers, clockHandlers, transferHandlers, backupHandlers, confirmHandlers, deepLinkDomain, syncHandlers, windowsHandlers, shortcutHandlers];

export interface CoreOptions {
  vault: Vault;
  home: string;
  /** Epoch ms of the machine; the core's Clock adds the measured server skew to it. */
  now?: () => number;
  clipboard?: Clipboard;
  /** The screens a page may capture for a QR scan (main also wires them into the display-media handler); absent in the CLI. */
  screens?: ScreenShares;
  /** Open and save dialogs for backups and exports (electron/main/platform/file-dialogs.ts); absent in the CLI. */
  dialogs?: FileDialogs;
  timers?: Timers;
  /** The keychain for reopening a keychain-mode vault after a lock (default: the OS keychain). */
  keyStore?: KeyStore;
  /** Watch the vault's folder for saves by other processes (default true). */
  watchVault?: boolean;
  /** The inbox links from the OS land in (main, the e2e harness); without it the deep-link calls answer UNSUPPORTED. */
  deepLinks?: DeepLinkInbox;
  /** Screen lock and sleep: the lock service locks the vault, push polling pauses. */
  power?: PowerEvents;
  /** Push approvals: notifications, power events, the browser opener; given, the core polls. */
  push?: PushCoreOptions;
  /** Touch ID before a keychain-mode vault opens again after a lock (electron/main/platform/user-presence.ts). */
  presence?: UserPresence;
  /** How `clock:check` reaches the time source (tests: `unsafeTestUrl`, a loopback http server). */
  timeSource?: ClockCheckOptions;
  /** The organisation's policy, already read (default: none, everything as the person sets it). */
  policy?: PolicyService;
  /** Installs updates (electron-updater in the packaged app); given, the core checks on its schedule. */
  updater?: Updater;
  /** The app's other windows (main's Admin window, the harness's second page); absent in the CLI. */
  windows?: AppWindows;
  /** The desktop's global shortcuts and the platform whose keys they are; given, the saved shortcut is registered at once. */
  shortcut?: { keys: GlobalShortcuts; platform: Platform };
}

export type { CoreEvents } from './core-events';

export interface Core {
  handlers: Handlers;
  /** Channels no domain served here; they answer UNSUPPORTED. */
  unavailable: Channel[];
  accounts: AccountsService;
  settings: SettingsStore;
  session: VaultSession;
  clock: Clock;
  push: PushService;
  lock: LockService;
  clockSkew: ClockSkewService;
  policy: PolicyService;
  updates: UpdateService;
  /** Absent without `shortcut` in the options (the CLI). */
  shortcut: ShortcutService | undefined;
  events: CoreEvents;
  /** Main calls this just before it shows the popup: the popup gets the codes of that moment (popup:codes). */
  showingPopup(): void;
  /** Stops everything; resolves once a code of ours still on the clipboard has been cleared. */
  close(): Promise<void>;
}

/**
 * Merges the domains' handlers. A channel no domain serves here (one whose capability only main.ts
 * has, in the CLI or the e2e harness) answers UNSUPPORTED instead of being missing.
 */
function buildHandlers(context: CoreContext, domains: readonly DomainHandlers[]): { handlers: Handlers; unavailable: Channel[] } {
  const merged: Partial<Record<Channel, unknown>> = {};
  for (const domain of domains) Object.assign(merged, domain(context));
  const unavailable = channels.filter((channel) => typeof merged[channel] !== 'function');
  for (const channel of unavailable) {
    merged[channel] = async () => {
      throw appError('UNSUPPORTED', 'This action is not available in this window.');
    };
  }
  return { handlers: merged as Handlers, unavailable };
}

/** The app's core over an open vault: the composed services, started as the app runs them. */
export function createCore(options: CoreOptions): Core {
  const timers = options.timers ?? realTimers;
  const now = options.now ?? Date.now;
  const services = composeServices({
    vault: options.vault,
    home: options.home,
    timers,
    clockFromServers: true,
    ...(options.now ? { now: options.now } : {}),
    ...(options.keyStore ? { keyStore: options.keyStore } : {}),
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.push ? { push: options.push } : {}),
    ...(options.power ? { power: options.power } : {}),
    ...(options.timeSource ? { timeSource: options.timeSource } : {}),
  });
  const { events, clock, session, accounts, settings, clockSkew, policy, push } = services;
  const sync = runSync(services.sync, { timers, emit: events.emit });
  const stopSyncOnEdit = services.onAccountsChanged(() => sync.edited());
  const clipboard = options.clipboard ? new ClipboardGuard(options.clipboard, timers) : undefined;
  // A file being imported holds secrets read with the vault open: a lock drops it with the vault key.
  const imports = new ImportSession();
  const lock = new LockService({ session, settings, emit: events.emit, timers, now, beforeLock: async () => { await clipboard?.flush(); accounts.forgetUndo(); imports.discard(); }, ...(options.presence ? { presence: options.presence } : {}), ...(options.power ? { power: options.power } : {}) });
  const stopPushFollowing = followVault(push, { isVaultOpen: () => session.isOpen, events });
  if (options.push) push.start();
  const shortcut = options.shortcut
    ? new ShortcutService({
        ...options.shortcut,
        settings,
        // Shown by the shortcut, the popup is there to search: the renderer puts the cursor in the search field.
        onPress: () => {
          if (options.windows?.togglePopup()) events.emit('popup:shownByShortcut');
        },
        onChange: () => events.emit('shortcut:changed'),
      })
    : undefined;
  const context: CoreContext = { home: options.home, clock, session, accounts, settings, clipboard, ...(options.screens ? { screens: options.screens } : {}), emit: events.emit, ...(options.deepLinks ? { deepLinks: options.deepLinks } : {}), lock, clockSkew, push, policy, sync, connections: services.connections, journal: services.journal, ...(options.push?.openBrowser ? { openBrowser: options.push.openBrowser } : {}), ...(options.windows ? { windows: options.windows } : {}), ...(options.dialogs ? { dialogs: options.dialogs } : {}), ...(shortcut ? { shortcut } : {}), imports };
  const updates = new UpdateService({
    ...(options.updater ? { updater: options.updater } : {}),
    settings: () => settings.get(),
    policy: () => policy.policy,
    timers,
    now,
    emit: () => events.emit('updates:changed'),
  });
  if (options.updater) updates.start();
  const built = buildHandlers(context, [...coreDomains, () => policyHandlers(policy), () => updateHandlers(updates)]);
  const handlers = trackActivity(guardByPolicy(built.handlers, policy), lock);
  const stopPolicy = policy.onChange(() => {
    events.emit('policy:changed');
    void lock.applySettings().catch(() => undefined);
  });
  const unavailable = built.unavailable;
  const stopDeepLinks = options.deepLinks?.onOffer(() => events.emit('deepLink:received')) ?? (() => undefined);
  void lock.start().catch(() => undefined);
  void shortcut?.start().catch(() => undefined);
  const stopWatching =
    options.watchVault === false
      ? () => undefined
      : watchVault({ path: session.path, refresh: () => session.vault.refreshIfChanged(), onChanged: services.accountsChanged, timers });
  const stopSyncOnUnlock = events.on('vault:changed', () => sync.start());
  return {
    handlers,
    unavailable,
    accounts,
    settings,
    session,
    clock,
    push,
    lock,
    clockSkew,
    policy,
    updates,
    shortcut,
    events,
    showingPopup: () => sendCodesForShow({ isUnlocked: () => session.isOpen, accounts, now: () => clock.now(), emit: events.emit }),
    /** Stops watching and drops the vault key: the core owns the vault once created. */
    close() {
      stopPolicy();
      stopDeepLinks();
      updates.stop();
      shortcut?.stop();
      stopPushFollowing();
      push.stop();
      lock.stop();
      stopWatching();
      stopSyncOnUnlock();
      stopSyncOnEdit();
      sync.stop();
      // Quitting must not leave a copied code behind: clear it now rather than drop the pending clear.
      const cleared = clipboard?.flush() ?? Promise.resolve();
      accounts.forgetUndo();
      session.close();
      return cleared;
    },
  };
}
