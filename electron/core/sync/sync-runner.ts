import { isAppError } from '../../../shared/errors';
import type { Timers } from '../capabilities';
import { qrPngDataUrl } from '../transfer/qr-image';
import { watchSyncFolder } from './folder-watcher';
import { PAIRING_URI_PREFIX } from './pairing/pairing-code';
import type { SyncDevice, SyncService, SyncStatus } from './sync-service';

export interface SyncRunnerOptions {
  service: SyncService;
  timers: Timers;
  /** Told when the status, the devices or (after a merge) the accounts changed. */
  onChanged: (what: { accounts: boolean }) => void;
}

export interface PairingOffer {
  words: string[];
  /** The words as a QR image, for the other computer's screen capture. */
  qrDataUrl: string;
  expiresAt: number;
}


/** Merged accounts were shown but their save failed: they are gone from the list again, and this says why. */
function notSavedStatus(status: SyncStatus, error: unknown): SyncStatus {
  const reason = isAppError(error) ? ` ${error.message}` : '';
  const message = `Changes from your other computers could not be saved on this computer; they are still in the sync folder and are merged again at the next sync.${reason}`;
  return { ...status, health: 'problem', sentence: `problem: ${message}`, problems: [{ code: 'NOT_SAVED', message }, ...status.problems] };
}

/**
 * Sync in the running app: records each edit as it is made, runs a round after edits and whenever
 * another device's file changes, one round at a time, and keeps the latest status for the UI. A round
 * that fails (the vault locked, the folder briefly unreadable) is retried by the next trigger.
 */
export class SyncRunner {
  private stopWatching: (() => void) | undefined;
  private running: Promise<void> = Promise.resolve();
  private again = false;
  private busy = false;
  private pairing: AbortController | undefined;
  private lastStatus: SyncStatus = { health: 'off', sentence: 'off', pending: 0, problems: [] };
  /** Whether sync was set up when last looked at, so edits cost nothing while it is off. */
  private enabled = false;

  constructor(private readonly options: SyncRunnerOptions) {}

  /** Starts watching when sync is set up (and after setup or join). */
  start(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
    let target: { folder: string; device: string } | undefined;
    try {
      target = this.options.service.watchTarget();
    } catch {
      target = undefined;
    }
    this.enabled = target !== undefined;
    if (target) this.stopWatching = watchSyncFolder({ ...target, onChange: () => void this.trigger(), timers: this.options.timers });
  }

  stop(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
    this.pairing?.abort();
  }

  /** An edit was saved (stamped for sync in the same save, see stampSyncEdits): write it to the folder now. */
  edited(): void {
    if (this.enabled) void this.trigger();
  }

  /** Runs a round now, or once more after the one in progress. */
  trigger(): Promise<void> {
    if (this.busy) {
      this.again = true;
      return this.running;
    }
    this.busy = true;
    this.running = this.running.then(async () => {
      do {
        this.again = false;
        await this.round();
      } while (this.again);
      this.busy = false;
    });
    return this.running;
  }

  status(): SyncStatus {
    return this.lastStatus;
  }

  async refreshStatus(): Promise<SyncStatus> {
    try {
      this.lastStatus = await this.options.service.status();
    } catch {
      // A locked vault: the last known status stands.
    }
    return this.lastStatus;
  }

  devices(): SyncDevice[] {
    return this.options.service.isSetUp() ? this.options.service.devices() : [];
  }

  async setup(folder: string): Promise<SyncStatus> {
    await this.options.service.setup(folder);
    this.start();
    return this.changed(false);
  }

  async join(folder: string, words: string): Promise<SyncStatus> {
    await this.options.service.join(folder, words);
    this.start();
    return this.changed(true);
  }

  /** Starts a pairing and returns its words at once; the wait for the other computer runs in the background. */
  pair(): Promise<PairingOffer> {
    this.pairing?.abort();
    const controller = new AbortController();
    this.pairing = controller;
    return new Promise((resolve, reject) => {
      this.options.service
        .pair((words, expiresAt) => {
          void qrPngDataUrl(`${PAIRING_URI_PREFIX}${words.join('-')}`).then((qrDataUrl) => resolve({ words, qrDataUrl, expiresAt }), reject);
        }, controller.signal)
        .then(
          () => void this.changed(false),
          (error: unknown) => {
            reject(error);
            void this.refreshStatus().then(() => this.options.onChanged({ accounts: false }));
          },
        )
        .finally(() => {
          if (this.pairing === controller) this.pairing = undefined;
        });
    });
  }

  cancelPairing(): void {
    this.pairing?.abort();
  }

  async removeDevice(id: string): Promise<SyncStatus> {
    await this.options.service.removeDevice(id);
    return this.changed(false);
  }

  async syncNow(): Promise<SyncStatus> {
    await this.trigger();
    return this.lastStatus;
  }

  private async round(): Promise<void> {
    // Merged accounts are shown while the vault file is still being written; a failed write takes them back.
    let shown = false;
    const showMerged = () => {
      shown = true;
      this.options.onChanged({ accounts: true });
    };
    try {
      // Sync turned off meanwhile: the round refuses, and the status below says off.
      const { report, status } = await this.options.service.syncNowWithStatus(showMerged);
      this.lastStatus = status;
      this.options.onChanged({ accounts: report.merged > 0 && !shown });
    } catch (error) {
      await this.refreshStatus();
      if (!shown) return;
      this.lastStatus = notSavedStatus(this.lastStatus, error);
      this.options.onChanged({ accounts: true });
    }
  }

  private async changed(accounts: boolean): Promise<SyncStatus> {
    const status = await this.refreshStatus();
    this.options.onChanged({ accounts });
    return status;
  }
}
