import { appError } from '../../../../shared/errors';
import { accountsIn } from '../../accounts/stored-account';
import type { VaultDocument } from '../../vault/vault';
import { acquireLock } from '../../vault/lock-file';
import { decodeFrames, RecordKind } from '../crypto/record-codec';
import { appendToLog, logPath, readFolder, replaceFile, snapshotPath, type FolderView } from '../folder/sync-folder';
import { projectAccounts } from '../merge/projection';
import { requireSection, SYNC_SECTION, syncSectionIn, type SyncSection } from './local-section';
import { encodeOutbox, encodeSnapshot, inspectOwnLog, keyReachesRemoved, recordLocalEdits, rekey, type OwnLog } from './own-log';
import { readDevices, type SyncProblem, type SyncWaiting } from './read-devices';

/** Past this many records in its log, a device writes a snapshot and starts the log afresh. */
export const COMPACT_AFTER_RECORDS = 256;

export interface SyncVault {
  read(): VaultDocument;
  update<T>(mutate: (doc: VaultDocument) => T | Promise<T>): Promise<T>;
}

export interface RoundReport {
  /** Records from other devices merged this round. */
  merged: number;
  /** Records this device wrote to its log this round. */
  wrote: number;
  /** Records waiting for the folder (it is missing), so not yet written. */
  pending: number;
  compacted: boolean;
  problems: SyncProblem[];
  waiting: SyncWaiting[];
}

export interface SyncEngineOptions {
  now: () => number;
  /** Serialises rounds of the app and the CLI on this computer (a lock file beside the vault). */
  lockPath: string;
}

function snapshotSeqIn(bytes: Buffer | undefined): number {
  return decodeFrames(bytes ?? Buffer.alloc(0)).frames.find((frame) => frame.header.kind === RecordKind.snapshot)?.header.seq ?? 0;
}

interface Prepared {
  section: SyncSection;
  report: Pick<RoundReport, 'merged' | 'problems' | 'waiting'>;
  changed: boolean;
}

/**
 * One round of sync: this device's edits become a record in its own log, the other devices' new records
 * are merged, and the vault's accounts become the merged result, in one atomic vault save. Only then
 * is the folder written, so a crash or a missing folder never loses an edit: unwritten records stay in
 * the vault's outbox until a round can write them.
 */
export class SyncEngine {
  constructor(
    private readonly vault: SyncVault,
    private readonly options: SyncEngineOptions,
  ) {}

  async round(): Promise<RoundReport> {
    const lock = await acquireLock(this.options.lockPath, { now: this.options.now, timeoutMs: 10_000 });
    if (!lock.acquired) throw appError('VAULT_BUSY', 'Another Traykey window or command is syncing right now; try again in a moment.');
    try {
      return await this.roundLocked();
    } finally {
      await lock.release();
    }
  }

  /**
   * Stamps the user's edits with the time they were made (`at`), before any round reaches the folder:
   * which of two edits is later must not depend on when each computer next synced.
   */
  async recordEdits(at: number): Promise<void> {
    const pending = (doc: VaultDocument): boolean => {
      const section = syncSectionIn(doc);
      return section !== undefined && JSON.stringify(projectAccounts(section.state)) !== JSON.stringify(accountsIn(doc));
    };
    if (!pending(this.vault.read())) return;
    await this.vault.update((doc) => {
      const section = syncSectionIn(doc);
      if (!section) return;
      recordLocalEdits(section, accountsIn(doc), () => at);
      doc[SYNC_SECTION] = section;
    });
  }

  /** What a round would merge and report, without writing anything. */
  async preview(): Promise<RoundReport> {
    const doc = this.vault.read();
    const view = await this.look(requireSection(doc).folder);
    const prepared = this.prepare(doc, view, this.ownLogOf(requireSection(doc), view));
    return { ...prepared.report, wrote: 0, pending: prepared.section.outbox.length, compacted: false };
  }

  private async look(folder: string): Promise<FolderView> {
    try {
      return await readFolder(folder);
    } catch {
      return { present: false };
    }
  }

  private ownLogOf(section: SyncSection, view: FolderView): OwnLog | undefined {
    if (!view.present) return undefined;
    const files = view.devices.get(section.device.id);
    const own = inspectOwnLog(section, files?.log);
    if (section.snapshotSeq > 0 && snapshotSeqIn(files?.snapshot) < section.snapshotSeq) own.needsRepair = true;
    return own;
  }

  /** The whole round's merge, on a copy of the sync section; pure apart from the clock and key generation. */
  private prepare(doc: VaultDocument, view: FolderView, own: OwnLog | undefined): Prepared {
    const original = requireSection(doc);
    const section = structuredClone(original);
    const accounts = accountsIn(doc);
    recordLocalEdits(section, accounts, this.options.now);
    const read = readDevices(section, view, this.options.now());
    const removed = section.state.members[section.device.id]?.removed !== undefined;
    if (!removed && keyReachesRemoved(section)) rekey(section, this.options.now);
    if (own && !own.needsRepair && own.lastSeq > section.flushedSeq) {
      section.flushedSeq = own.lastSeq;
      section.outbox = section.outbox.filter((entry) => entry.seq > own.lastSeq);
    }
    const projected = projectAccounts(section.state);
    const changed = JSON.stringify(section) !== JSON.stringify(original) || JSON.stringify(projected) !== JSON.stringify(accounts);
    return { section, report: read, changed };
  }

  private async roundLocked(): Promise<RoundReport> {
    const before = requireSection(this.vault.read());
    const view = await this.look(before.folder);
    const own = this.ownLogOf(before, view);
    let prepared = this.prepare(this.vault.read(), view, own);
    if (prepared.changed) {
      prepared = await this.vault.update((doc) => {
        const fresh = this.prepare(doc, view, own);
        doc[SYNC_SECTION] = fresh.section;
        doc.accounts = projectAccounts(fresh.section.state);
        return fresh;
      });
    }
    const report: RoundReport = { ...prepared.report, wrote: 0, pending: prepared.section.outbox.length, compacted: false };
    if (!view.present || !own || prepared.section.state.members[prepared.section.device.id]?.removed) return report;
    const section = prepared.section;
    const folder = section.folder;
    const device = section.device.id;
    let flushedSeq = section.flushedSeq;
    let snapshotSeq = section.snapshotSeq;
    let records = own.records;
    if (own.needsRepair) {
      // The log lost records others may not have read: one snapshot of everything replaces it.
      flushedSeq = snapshotSeq = section.nextSeq - 1;
      await replaceFile(snapshotPath(folder, device), encodeSnapshot(section, snapshotSeq));
      await replaceFile(logPath(folder, device), Buffer.alloc(0));
      report.wrote = section.outbox.length;
      report.compacted = true;
    } else if (section.outbox.length > 0) {
      const records = encodeOutbox(section, own.lastSeq);
      await appendToLog(logPath(folder, device), own.keepBytes, records);
      report.wrote = records.length;
      flushedSeq = section.nextSeq - 1;
    }
    records += report.wrote;
    if (!report.compacted && records > COMPACT_AFTER_RECORDS) {
      snapshotSeq = flushedSeq;
      await replaceFile(snapshotPath(folder, device), encodeSnapshot(section, snapshotSeq));
      await replaceFile(logPath(folder, device), Buffer.alloc(0));
      report.compacted = true;
    }
    if (flushedSeq !== section.flushedSeq || snapshotSeq !== section.snapshotSeq) {
      const now = this.options.now();
      await this.vault.update((doc) => {
        const current = requireSection(doc);
        current.flushedSeq = Math.max(current.flushedSeq, flushedSeq);
        current.snapshotSeq = Math.max(current.snapshotSeq, snapshotSeq);
        current.outbox = current.outbox.filter((entry) => entry.seq > current.flushedSeq);
        current.lastWriteAt = now;
        doc[SYNC_SECTION] = current;
      });
      report.pending = 0;
    }
    return report;
  }
}
