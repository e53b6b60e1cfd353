import { appError } from '../../../../shared/errors';
import { accountsIn, type StoredAccount } from '../../accounts/stored-account';
import type { VaultDocument } from '../../vault/vault';
import { acquireLock } from '../../vault/lock-file';
import { decodeFrames, RecordKind } from '../crypto/record-codec';
import { appendToLog, logPath, readFolder, replaceFile, snapshotPath, type FolderView } from '../folder/sync-folder';
import { mergeDuplicates } from '../merge/duplicates';
import { projectAccounts } from '../merge/projection';
import { requireSection, SYNC_SECTION, type SyncSection } from './local-section';
import { clockFor, encodeOutbox, encodeSnapshot, inspectOwnLog, keyReachesRemoved, queueOps, recordLocalEdits, rekey, type CheckedLog, type OwnLog } from './own-log';
import { readDevices, type SyncProblem, type SyncWaiting } from './read-devices';

/** Past this many records in its log, a device writes a snapshot and starts the log afresh. */
export const COMPACT_AFTER_RECORDS = 256;

export interface SyncVault {
  read(): VaultDocument;
  /** Changes whenever the document read() returns does (a save here, or another process's). */
  revision(): number;
  /** `whileWriting`: see Vault.update — the saved document is readable before its write has finished, and not after a failed one. */
  update<T>(mutate: (doc: VaultDocument) => T | Promise<T>, options?: { whileWriting?: () => void }): Promise<T>;
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

/** A round's outcome, with the sync section as it left it (what the status sentence is made from). */
export interface Round {
  report: RoundReport;
  section: SyncSection;
}

interface Prepared {
  section: SyncSection;
  /** The accounts the merged state projects to: what the vault's accounts become. */
  accounts: StoredAccount[];
  report: Pick<RoundReport, 'merged' | 'problems' | 'waiting'>;
  changed: boolean;
}

/** What a round writes to the folder, fixed before its sync section is handed to the vault. */
interface Writes {
  /** The whole log is replaced by this snapshot and an empty log (a repair, or a compaction). */
  snapshot?: Buffer;
  /** Records appended after `keepBytes` of the log. */
  append?: { keepBytes: number; records: Buffer[] };
  flushedSeq: number;
  snapshotSeq: number;
  wrote: number;
  compacted: boolean;
}

const inputsOf = (section: SyncSection, accounts: readonly StoredAccount[]): string => `${JSON.stringify(section)}\n${JSON.stringify(accounts)}`;

/**
 * One round of sync: this device's edits become a record in its own log, the other devices' new records
 * are merged, and the vault's accounts become the merged result, in one atomic vault save. Only then
 * is the folder written, so a crash or a missing folder never loses an edit: unwritten records stay in
 * the vault's outbox until a round can write them.
 */
export class SyncEngine {
  /** This device's log as the last look found it, so later looks check only what was appended since. */
  private ownChecked: CheckedLog | undefined;

  constructor(
    private readonly vault: SyncVault,
    private readonly options: SyncEngineOptions,
  ) {}

  /**
   * `onMerged`: called as soon as accounts merged from other devices can be read from the vault, while
   * the vault file is still being written; if that write fails, the round fails and the vault reads as
   * it did before.
   */
  async round(onMerged?: () => void): Promise<Round> {
    const lock = await acquireLock(this.options.lockPath, { now: this.options.now, timeoutMs: 10_000 });
    if (!lock.acquired) throw appError('VAULT_BUSY', 'Another Traykey window or command is syncing right now; try again in a moment.');
    try {
      return await this.roundLocked(onMerged);
    } finally {
      await lock.release();
    }
  }

  /** What a round would merge and report, without writing anything. */
  async preview(): Promise<Round> {
    const doc = this.vault.read();
    const section = requireSection(doc);
    const view = await this.look(section.folder);
    const prepared = this.prepare(doc, view, this.ownLogOf(section, view));
    return { report: { ...prepared.report, wrote: 0, pending: prepared.section.outbox.length, compacted: false }, section: prepared.section };
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
    const own = inspectOwnLog(section, files?.log, this.ownChecked);
    this.ownChecked = own.checked;
    if (section.snapshotSeq > 0 && snapshotSeqIn(files?.snapshot) < section.snapshotSeq) own.needsRepair = true;
    return own;
  }

  /**
   * The whole round's merge, made on `doc`'s sync section in place (callers pass their own copy, or the
   * vault's draft); pure apart from the clock and key generation.
   */
  private prepare(doc: VaultDocument, view: FolderView, own: OwnLog | undefined): Prepared {
    const section = requireSection(doc);
    const accounts = accountsIn(doc);
    const inputs = inputsOf(section, accounts);
    let projected = projectAccounts(section.state);
    // The accounts change only with local edits or merged records: otherwise one projection serves the round.
    if (recordLocalEdits(section, accounts, this.options.now, projected) > 0) projected = projectAccounts(section.state);
    const read = readDevices(section, view, this.options.now());
    if (read.merged > 0) projected = projectAccounts(section.state);
    const removed = section.state.members[section.device.id]?.removed !== undefined;
    if (!removed && keyReachesRemoved(section)) rekey(section, this.options.now);
    if (own && !own.needsRepair && own.lastSeq > section.flushedSeq) {
      section.flushedSeq = own.lastSeq;
      section.outbox = section.outbox.filter((entry) => entry.seq > own.lastSeq);
    }
    if (!removed) {
      const clock = clockFor(section, this.options.now);
      const merged = mergeDuplicates(section.state, projected, () => clock.tick());
      if (merged.length > 0) {
        queueOps(section, merged);
        projected = projectAccounts(section.state);
      }
    }
    const changed = inputsOf(section, projected) !== inputs;
    return { section, accounts: projected, report: read, changed };
  }

  /** The bytes this round writes to the folder, or undefined when it writes nothing (folder missing, device removed). */
  private writesFor(section: SyncSection, own: OwnLog | undefined): Writes | undefined {
    if (!own || section.state.members[section.device.id]?.removed) return undefined;
    const writes: Writes = { flushedSeq: section.flushedSeq, snapshotSeq: section.snapshotSeq, wrote: 0, compacted: false };
    if (own.needsRepair) {
      // The log lost records others may not have read: one snapshot of everything replaces it.
      writes.flushedSeq = writes.snapshotSeq = section.nextSeq - 1;
      return { ...writes, snapshot: encodeSnapshot(section, writes.snapshotSeq), wrote: section.outbox.length, compacted: true };
    }
    if (section.outbox.length > 0) {
      const records = encodeOutbox(section, own.lastSeq);
      writes.append = { keepBytes: own.keepBytes, records };
      writes.wrote = records.length;
      writes.flushedSeq = section.nextSeq - 1;
    }
    if (own.records + writes.wrote > COMPACT_AFTER_RECORDS) {
      writes.snapshotSeq = writes.flushedSeq;
      writes.snapshot = encodeSnapshot(section, writes.snapshotSeq);
      writes.compacted = true;
    }
    return writes;
  }

  private async roundLocked(onMerged: (() => void) | undefined): Promise<Round> {
    const revision = this.vault.revision();
    const doc = this.vault.read();
    const before = requireSection(doc);
    const view = await this.look(before.folder);
    const own = this.ownLogOf(before, view);
    let prepared = this.prepare(doc, view, own);
    let writes = this.writesFor(prepared.section, own);
    if (prepared.changed) {
      const whileWriting = () => {
        if (prepared.report.merged > 0) onMerged?.();
      };
      await this.vault.update((draft) => {
        // Unless the document changed since it was read (another process saved), the merge just made
        // is the one to save: the same inputs give the same merge, so there is no second one.
        if (this.vault.revision() !== revision) {
          prepared = this.prepare(draft, view, own);
          writes = this.writesFor(prepared.section, own);
        }
        draft[SYNC_SECTION] = prepared.section;
        draft.accounts = prepared.accounts;
      }, { whileWriting });
    }
    const { section } = prepared;
    const report: RoundReport = { ...prepared.report, wrote: 0, pending: section.outbox.length, compacted: false };
    if (!writes) return { report, section };
    const folder = section.folder;
    const device = section.device.id;
    if (writes.append) await appendToLog(logPath(folder, device), writes.append.keepBytes, writes.append.records);
    if (writes.snapshot) {
      await replaceFile(snapshotPath(folder, device), writes.snapshot);
      await replaceFile(logPath(folder, device), Buffer.alloc(0));
    }
    report.wrote = writes.wrote;
    report.compacted = writes.compacted;
    if (writes.flushedSeq !== section.flushedSeq || writes.snapshotSeq !== section.snapshotSeq) {
      const { flushedSeq, snapshotSeq } = writes;
      const now = this.options.now();
      await this.vault.update((draft) => {
        const current = requireSection(draft);
        current.flushedSeq = Math.max(current.flushedSeq, flushedSeq);
        current.snapshotSeq = Math.max(current.snapshotSeq, snapshotSeq);
        current.outbox = current.outbox.filter((entry) => entry.seq > current.flushedSeq);
        current.lastWriteAt = now;
        draft[SYNC_SECTION] = current;
      });
      report.pending = 0;
    }
    return { report, section };
  }
}
