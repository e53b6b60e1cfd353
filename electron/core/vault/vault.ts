import { mkdir, open as openFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { appError, isAppError } from '../../../shared/errors';
import { removeLeftoverTemps, writeFileAtomic, type AtomicWriteFs } from './atomic-write';
import { isProblem, keyMatches, openVault, parseVaultFile, sealVault, type ParsedFile, type VaultHeader } from './format';
import { PASSPHRASE_SCRYPT, type ScryptParams } from '../crypto/passphrase-kdf';
import { accountCount, backupVerdict } from './backup-rotation';
import { traceOfEarlierVault } from './earlier-vault';
import { fileSaveRecord, keychainSaveRecord, type SaveRecord } from './save-record';
import { acquireLock } from './lock-file';
import { elapsedMs, log, rememberDocumentSecrets, secrets } from '../log';
import { createVaultKey, forgetVaultKey, passphraseVaultKey, unlockVaultKey, type KeySource } from './vault-key';
import { vaultBusy, vaultCorrupt, olderCopyWarning, vaultForeign, vaultMissing, vaultNewer, vaultOlder, type OlderCopy, vaultNotSaved, vaultUnreadable, type VaultFiles } from './vault-errors';

export type { KeySource } from './vault-key';
export type { KeyStore } from '../keychain/key-store';

export interface VaultDocument {
  [section: string]: unknown;
}

export const VAULT_FILE = 'vault.tkv';

/** Revisions are unique within the process, so a vault opened again (after a lock) never repeats one. */
let lastRevision = 0;
const nextRevision = (): number => ++lastRevision;

export interface VaultOpenOptions {
  home: string;
  keySource: KeySource;
  now?: () => number;
  /** How long update() waits for another process's lock before VAULT_BUSY. */
  lockTimeoutMs?: number;
  /** TEST ONLY: scrypt parameters for a NEW passphrase vault (and the cost a weaker one is raised to on save), so tests need not pay the real KDF cost. */
  unsafeTestScrypt?: ScryptParams;
  /**
   * Judges the passphrase of a vault about to be created (the strength policy), throwing when it is too
   * weak; the CLI and the app pass shared/passphrase-strength. Opening an existing vault never asks.
   */
  vetNewPassphrase?: (passphrase: string) => Promise<void>;
  /** TEST ONLY: file-system calls of the atomic write, to inject a failing disk. */
  writeFs?: AtomicWriteFs;
}

/**
 * What identifies one saved version of the file: the stat fields for the cheap check, and its exact bytes
 * (ciphertext only) so that a reload under the lock never mistakes a file damaged in place for ours.
 */
interface FileIdentity {
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  bytes: Buffer;
}

const sameStat = (a: FileIdentity, b: Stats): boolean => a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;

async function readSnapshot(path: string): Promise<{ bytes: Buffer; stats: Stats } | undefined> {
  let handle;
  try {
    handle = await openFile(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    // One descriptor for both, so the stat describes exactly the bytes read even if the file is replaced meanwhile.
    const stats = await handle.stat();
    // One read of the known size: FileHandle.readFile reads in chunks, costing a thread-pool trip per chunk.
    const bytes = Buffer.allocUnsafe(stats.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: bytes.subarray(0, filled), stats };
  } finally {
    await handle.close();
  }
}

function parseOrThrow(files: VaultFiles, bytes: Buffer): ParsedFile {
  const parsed = parseVaultFile(bytes);
  if (!isProblem(parsed)) return parsed;
  switch (parsed.kind) {
    case 'foreign':
      throw vaultForeign(files);
    case 'newer':
      throw vaultNewer(files, parsed.version);
    case 'truncated':
      throw vaultCorrupt(files, `it is truncated: ${parsed.actual} of at least ${parsed.expected} bytes`);
    case 'damaged':
      throw vaultCorrupt(files, parsed.detail);
  }
}

function parseDocument(json: string): VaultDocument | undefined {
  try {
    const doc: unknown = JSON.parse(json);
    return typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as VaultDocument) : undefined;
  } catch {
    return undefined;
  }
}

function decryptOrThrow(files: VaultFiles, parsed: ParsedFile, key: Buffer): { json: string; doc: VaultDocument } {
  const plaintext = openVault(parsed, key);
  if (!plaintext) throw vaultCorrupt(files, 'its contents fail the integrity check: it was altered or damaged on disk');
  const json = plaintext.toString('utf8');
  plaintext.fill(0);
  const doc = parseDocument(json);
  if (!doc) throw vaultCorrupt(files, 'its decrypted contents are not a vault document');
  rememberDocumentSecrets(doc, secrets);
  return { json, doc };
}

/** Results usually point into the draft, which the vault keeps; a copy stops callers changing it behind its back. */
function detach<T>(result: T): T {
  if (typeof result !== 'object' || result === null) return result;
  try {
    return structuredClone(result);
  } catch {
    return result;
  }
}

/**
 * The encrypted vault file: one JSON document, shared safely by the app and the CLI. Every change goes
 * through update(), which locks the file across processes and starts from the latest saved version.
 */
export class Vault {
  readonly path: string;
  private readonly files: VaultFiles;
  /** The saved document as JSON: what read() copies from, and the truth when the draft is in doubt. */
  private json: string;
  /** Changes whenever `json` does (every change goes through hold()): a cheap way to tell that the document is still the one read before. */
  private jsonRevision: number;
  /**
   * A parsed copy of `json` that nobody else holds, handed to the next mutate as its draft. Parsing or
   * cloning 10,000 accounts costs more than the whole save, so the mutated draft is kept after a save and
   * dropped (re-parsed from `json` when next needed) whenever a mutate or save fails.
   */
  private draft: VaultDocument | undefined;
  private identity: FileIdentity | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** The save counter of the file on disk as last read or written. */
  private saves: number;
  /** Set when the file is older than the save record: reads work, writes are refused. */
  private older: OlderCopy | undefined;
  private readonly pendingNotices: string[] = [];

  private constructor(
    files: VaultFiles,
    private header: VaultHeader,
    private key: Buffer,
    saved: { json: string; doc: VaultDocument | undefined; saves: number },
    identity: FileIdentity | undefined,
    private readonly options: VaultOpenOptions,
    private readonly record: SaveRecord,
  ) {
    this.saves = saved.saves;
    this.files = files;
    this.path = files.path;
    this.json = saved.json;
    this.jsonRevision = nextRevision();
    this.draft = saved.doc;
    this.identity = identity;
  }

  /** The document read() returns from now on, under a new revision. */
  private hold(json: string): void {
    this.json = json;
    this.jsonRevision = nextRevision();
  }

  /**
   * Opens the vault in `home`, creating the folder (0700) and an empty vault (0600) on a first start;
   * VAULT_MISSING when the vault is gone but its backup or lock shows there was one.
   */
  static async open(options: VaultOpenOptions): Promise<Vault> {
    const path = join(options.home, VAULT_FILE);
    const startedAt = performance.now();
    if (options.keySource.kind === 'passphrase') secrets.add(options.keySource.passphrase);
    const files: VaultFiles = { path, backupPath: `${path}.bak`, lockPath: `${path}.lock`, savesPath: `${path}.saves` };
    let snapshot;
    try {
      await mkdir(options.home, { recursive: true, mode: 0o700 });
      snapshot = await readSnapshot(path);
    } catch (error) {
      throw vaultUnreadable(files, error);
    }
    if (snapshot) {
      const parsed = parseOrThrow(files, snapshot.bytes);
      const key = await unlockVaultKey(options.keySource, parsed, files);
      let saved;
      try {
        saved = decryptOrThrow(files, parsed, key);
      } catch (error) {
        key.fill(0);
        throw error;
      }
      await removeLeftoverTemps([files.path, files.backupPath, files.savesPath]);
      const record = saveRecordFor(options.keySource, files, parsed.vaultId);
      const vault = new Vault(files, parsed, key, { ...saved, saves: parsed.saves }, { ...statOf(snapshot.stats), bytes: snapshot.bytes }, options, record);
      const latest = await record.latest().catch(() => undefined);
      if (latest !== undefined && parsed.saves < latest) {
        // The record is written after the file, so a file read after the record that is still behind
        // it is truly older; one that moved on was only saved by another process while this one read.
        const again = await readSnapshot(path).catch(() => undefined);
        if (again && !again.bytes.equals(snapshot.bytes)) {
          vault.close();
          return Vault.open(options);
        }
        vault.older = { file: parsed.saves, latest, where: record.where };
        log.info('vault is an older copy', { saves: parsed.saves, latest });
      }
      log.debug('vault opened', { mode: parsed.mode, bytes: snapshot.bytes.length, ms: elapsedMs(startedAt) });
      return vault;
    }
    return Vault.create(files, options);
  }

  private static async create(files: VaultFiles, options: VaultOpenOptions): Promise<Vault> {
    const lockSeenBeforeCreating = await exists(files.lockPath);
    const lock = await acquireLock(files.lockPath, Vault.lockOptions(options)).catch((error: unknown) => {
      throw vaultUnreadable(files, error);
    });
    if (!lock.acquired) throw vaultBusy(files, lock.holder);
    try {
      // Another process may have created it while we waited for the lock: open theirs instead of replacing it.
      if (await exists(files.path)) return await Vault.open(options);
      const trace = await traceOfEarlierVault(files, lockSeenBeforeCreating);
      if (trace) throw vaultMissing(files, trace);
      if (options.keySource.kind === 'passphrase') await options.vetNewPassphrase?.(options.keySource.passphrase);
      const { header, key } = await createVaultKey(options.keySource, options.unsafeTestScrypt);
      const vault = new Vault(files, header, key, { json: '{}', doc: {}, saves: 0 }, undefined, options, saveRecordFor(options.keySource, files, header.vaultId));
      try {
        await vault.save('{}', { diskAccounts: 0 });
      } catch (error) {
        await forgetVaultKey(options.keySource, header);
        throw error;
      }
      return vault;
    } finally {
      await lock.release();
    }
  }

  private static lockOptions(options: VaultOpenOptions) {
    return { ...(options.now ? { now: options.now } : {}), ...(options.lockTimeoutMs !== undefined ? { timeoutMs: options.lockTimeoutMs } : {}) };
  }

  /** A deep copy of the document as last loaded or saved. */
  read(): VaultDocument {
    this.ensureOpen();
    return parseDocument(this.json) ?? {};
  }

  /**
   * Which version of the document read() returns: the same number means the same document, so a caller
   * that kept what it derived from an earlier read() may use it again.
   */
  revision(): number {
    return this.jsonRevision;
  }

  /** Reloads when the file changed on disk (another process saved); true when the document changed. */
  refreshIfChanged(): Promise<boolean> {
    return this.serialized(async () => {
      this.ensureOpen();
      const current = await stat(this.path).catch(() => undefined);
      if (!current || (this.identity && sameStat(this.identity, current))) return false;
      return this.reload();
    });
  }

  /** A sentence for the person when the vault opened read-only because it is an older copy. */
  get warning(): string | undefined {
    return this.older ? olderCopyWarning(this.files, this.older) : undefined;
  }

  /** Which save the open file is and the later one recorded, while the vault is an older copy. */
  get olderCopy(): OlderCopy | undefined {
    return this.older ? { ...this.older } : undefined;
  }

  /**
   * Keeps working from an older copy: the person's explicit word that the changes after it are given up.
   * Its next save number jumps past the recorded one, so the record still only grows. `mutate` lets the
   * caller mark what depends on history (the push replay record) in the same save.
   */
  acceptOlderCopy(mutate: (doc: VaultDocument) => void = () => undefined): Promise<void> {
    return this.update(mutate, { acceptOlder: true });
  }

  /**
   * Sentences for the person about what the last calls did besides their job (a backup copy kept instead
   * of replaced), each returned once.
   */
  takeNotices(): string[] {
    return this.pendingNotices.splice(0);
  }

  /**
   * Saves the vault as it is and makes the file it replaces the backup copy even when that backup holds
   * more accounts or belongs to another vault: the person's explicit word that the old backup may go.
   */
  replaceBackup(): Promise<void> {
    return this.update(() => undefined, { replaceBackup: true });
  }

  /**
   * Applies mutate to the latest saved document and saves it, holding the cross-process lock throughout.
   * `whileWriting`: the new document is what read() returns from the moment it is made, and this is
   * called then, while the file is still being written; if the write fails, read() returns the saved
   * document again (and update rejects), so nothing unsaved stays readable.
   */
  update<T>(mutate: (doc: VaultDocument) => T | Promise<T>, options: { replaceBackup?: boolean; acceptOlder?: boolean; whileWriting?: () => void } = {}): Promise<T> {
    return this.serialized(async () => {
      this.ensureOpen();
      const lock = await acquireLock(this.files.lockPath, Vault.lockOptions(this.options)).catch((error: unknown) => {
        throw vaultNotSaved(this.files, error);
      });
      if (!lock.acquired) throw vaultBusy(this.files, lock.holder);
      try {
        await this.reload();
        if (this.older && !options.acceptOlder) throw vaultOlder(this.files, this.older);
        const draft = this.draft ?? parseDocument(this.json) ?? {};
        this.draft = undefined;
        const diskAccounts = accountCount(draft);
        const result = await mutate(draft);
        rememberDocumentSecrets(draft, secrets);
        const json = JSON.stringify(draft);
        const saved = this.json;
        const savingAt = performance.now();
        try {
          if (options.whileWriting) {
            this.hold(json);
            options.whileWriting();
          }
          await this.save(json, { diskAccounts, replaceBackup: options.replaceBackup === true });
        } catch (error) {
          if (options.whileWriting) this.hold(saved);
          throw error;
        }
        log.debug('vault saved', { bytes: json.length, ms: elapsedMs(savingAt) });
        if (!options.whileWriting) this.hold(json);
        this.draft = draft;
        return detach(result);
      } finally {
        await lock.release();
      }
    });
  }

  /** Forgets the key; the vault cannot be read or written afterwards. */
  close(): void {
    this.closed = true;
    this.key.fill(0);
    this.hold('{}');
    this.draft = undefined;
  }

  private ensureOpen(): void {
    if (this.closed) throw appError('VAULT_LOCKED', 'The vault is closed: open it again to continue.');
  }

  private serialized<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Loads the file when it differs from what we hold; a missing file keeps the document in memory. */
  private async reload(): Promise<boolean> {
    let snapshot;
    try {
      snapshot = await readSnapshot(this.path);
    } catch (error) {
      throw vaultUnreadable(this.files, error);
    }
    if (!snapshot) return false;
    const identity = { ...statOf(snapshot.stats), bytes: snapshot.bytes };
    if (this.identity?.bytes.equals(snapshot.bytes)) {
      this.identity = identity;
      return false;
    }
    const parsed = parseOrThrow(this.files, snapshot.bytes);
    if (parsed.vaultId.equals(this.header.vaultId) && parsed.mode === 'passphrase' && !keyMatches(this.key, parsed)) await this.adoptNewPassphraseKey(parsed);
    if (!parsed.vaultId.equals(this.header.vaultId) || !keyMatches(this.key, parsed)) {
      throw appError('VAULT_LOCKED', `The vault ${this.path} was replaced by a different vault; reopen Traykey to use it.`);
    }
    const saved = decryptOrThrow(this.files, parsed, this.key);
    this.hold(saved.json);
    this.draft = saved.doc;
    this.identity = identity;
    if (parsed.saves < this.saves) this.older = { file: parsed.saves, latest: this.saves, where: 'this running Traykey' };
    // The newer copy was put back (or another process accepted this one): nothing is older any more.
    else if (this.older && parsed.saves >= this.older.latest) this.older = undefined;
    this.saves = parsed.saves;
    return true;
  }

  /** False when the backup copy must stay as it is; the person is told why and how to replace it anyway. */
  private async mayRotateBackup(rotation: { diskAccounts: number; replaceBackup?: boolean }): Promise<boolean> {
    if (rotation.replaceBackup) return true;
    const verdict = await backupVerdict(this.files.backupPath, { vaultId: this.header.vaultId, saves: this.saves, accounts: rotation.diskAccounts }, this.key);
    if (verdict.replace) return true;
    log.info('vault backup kept', { path: this.files.backupPath });
    this.pendingNotices.push(`The backup copy was kept as it is because ${verdict.reason}; the vault itself was saved. To make the vault's previous state the backup anyway, run \`traykey vault replace-backup\`.`);
    return false;
  }

  /**
   * Another Traykey re-keyed the vault under the same passphrase (raising the KDF cost): derive the new
   * key rather than calling the file foreign. A different passphrase answers WRONG_PASSPHRASE.
   */
  private async adoptNewPassphraseKey(parsed: ParsedFile): Promise<void> {
    const key = await unlockVaultKey(this.options.keySource, parsed, this.files);
    this.key.fill(0);
    this.key = key;
    this.header = { mode: parsed.mode, salt: parsed.salt, vaultId: parsed.vaultId, keyCheck: parsed.keyCheck, ...(parsed.scrypt ? { scrypt: parsed.scrypt } : {}) };
  }

  /** A new header and key at today's KDF cost, for a passphrase vault written under a lower one. */
  private async strongerKdf(): Promise<{ header: VaultHeader; key: Buffer } | undefined> {
    const target = this.options.unsafeTestScrypt ?? PASSPHRASE_SCRYPT;
    const source = this.options.keySource;
    if (source.kind !== 'passphrase' || !this.header.scrypt || this.header.scrypt.N >= target.N) return undefined;
    return passphraseVaultKey(source.passphrase, this.header.vaultId, target);
  }

  private async save(json: string, rotation: { diskAccounts: number; replaceBackup?: boolean }): Promise<void> {
    const plaintext = Buffer.from(json, 'utf8');
    const saves = Math.max(this.saves, this.older?.latest ?? 0) + 1;
    const upgrade = await this.strongerKdf();
    const file = sealVault(upgrade?.header ?? this.header, upgrade?.key ?? this.key, plaintext, saves);
    plaintext.fill(0);
    try {
      const keepBackup = await this.mayRotateBackup(rotation);
      await writeFileAtomic(this.path, file, { mode: 0o600, ...(keepBackup ? { backupPath: this.files.backupPath } : {}), ...(this.options.writeFs ? { fs: this.options.writeFs } : {}) });
      this.saves = saves;
      this.older = undefined;
      if (upgrade) {
        this.key.fill(0);
        ({ header: this.header, key: this.key } = upgrade);
        log.info('vault key-derivation cost raised', { log2N: Math.log2(upgrade.header.scrypt?.N ?? 1) });
      }
      this.identity = { ...statOf(await stat(this.path)), bytes: file };
      // The file is saved either way; a record that cannot be written only weakens the rollback check.
      await this.record.write(saves).catch(() => log.warn('vault save record not written', { where: this.record.where }));
    } catch (error) {
      if (isAppError(error)) throw error;
      throw vaultNotSaved(this.files, error);
    }
  }
}

/** Keychain mode keeps the record in the keychain, out of reach of a restored folder; passphrase mode beside the file. */
function saveRecordFor(source: KeySource, files: VaultFiles, vaultId: Buffer): SaveRecord {
  return source.kind === 'keychain' ? keychainSaveRecord(source.store, vaultId) : fileSaveRecord(files.savesPath, vaultId);
}

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

function statOf(stats: Stats): Omit<FileIdentity, 'bytes'> {
  return { ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs };
}
