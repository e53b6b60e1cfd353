import type { EventName, Handlers } from '../../../shared/ipc';
import type { AccountsService } from '../accounts/accounts-service';
import type { ConnectionStore } from '../admin/connection-store';
import type { EnrolJournal } from '../admin/enrol-journal';
import type { ClipboardGuard } from '../clipboard/clipboard-guard';
import type { ClockSkewService } from '../clock-skew/clock-service';
import type { LockService } from '../lock/lock-service';
import type { DeepLinkInbox } from '../deep-link/inbox';
import type { Clock } from '../otp/clock';
import type { AppWindows, BrowserOpener, FileDialogs } from '../capabilities';
import type { ImportSession } from '../backup/import-session';
import type { ScreenShares } from '../qr/screen-shares';
import type { PolicyService } from '../policy/policy-service';
import type { PushService } from '../push/push-service';
import type { SettingsStore } from '../settings/settings-store';
import type { ShortcutService } from '../shortcut/shortcut-service';
import type { SyncRunner } from '../sync/sync-runner';
import type { VaultSession } from '../vault/vault-session';

/** What every domain's handlers may use; createCore builds it once. */
export interface CoreContext {
  home: string;
  clock: Clock;
  session: VaultSession;
  accounts: AccountsService;
  settings: SettingsStore;
  /** Absent where there is no clipboard (the CLI). */
  clipboard: ClipboardGuard | undefined;
  /** The screens a page may capture for a QR scan; absent in the CLI. */
  screens?: ScreenShares;
  emit(event: EventName): void;
  /** Locking and unlocking the vault, by the user, on idle, screen lock and sleep. */
  lock: LockService;
  clockSkew: ClockSkewService;
  push: PushService;
  /** The organisation's managed policy (empty where there is none). */
  policy: PolicyService;
  /** Folder sync with the person's other computers. */
  sync: SyncRunner;
  /** The admin area's saved connections. */
  connections: ConnectionStore;
  /** The test users recorded for one admin connection. */
  journal(connectionId: string): EnrolJournal;
  /** Accounts offered by links the OS handed the app; absent in the CLI. */
  deepLinks?: DeepLinkInbox;
  /** Opens the system browser for sign-ins; absent in the e2e harness. */
  openBrowser?: BrowserOpener;
  /** The app's other windows; absent in the CLI. */
  windows?: AppWindows;
  /** Open and save dialogs for backups and exports, and the folder chooser for sync; absent in the CLI. */
  dialogs?: FileDialogs;
  /** The global shortcut that shows the popup; absent in the CLI. */
  shortcut?: ShortcutService;
  /** The file being imported in the app, if any; dropped when the vault locks. */
  imports: ImportSession;
}

/** One domain's share of the contract: a function from the context to its channels' handlers. */
export type DomainHandlers = (context: CoreContext) => Partial<Handlers>;
