import { open, readFile } from 'node:fs/promises';
import { HEADER_LENGTH, isProblem, openVault, parseVaultFile, peekHeader } from './format';

/** The vault file now on disk, which a save would turn into the backup copy. */
export interface FileOnDisk {
  vaultId: Buffer;
  saves: number;
  accounts: number;
}

export type BackupVerdict = { replace: true } | { replace: false; reason: string };

export function accountCount(doc: Record<string, unknown>): number {
  return Array.isArray(doc.accounts) ? doc.accounts.length : 0;
}

async function readPrefix(path: string): Promise<Buffer | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const prefix = Buffer.alloc(HEADER_LENGTH);
    const { bytesRead } = await handle.read(prefix, 0, HEADER_LENGTH, 0);
    return prefix.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Whether a save may replace the backup copy with the file now on disk. The usual case costs one read
 * of the backup's header: the backup is the save just before the file's. Otherwise the backup is kept
 * when it belongs to another vault, or holds more accounts than the file that would replace it (an
 * emptied or older vault must not rotate the good copy away), until the person says otherwise.
 */
export async function backupVerdict(backupPath: string, current: FileOnDisk, key: Buffer): Promise<BackupVerdict> {
  const prefix = await readPrefix(backupPath);
  if (!prefix) return { replace: true };
  const peeked = peekHeader(prefix);
  if (peeked && current.saves > 0 && peeked.saves + 1 === current.saves && peeked.vaultId.equals(current.vaultId)) return { replace: true };
  const backup = parseVaultFile(await readFile(backupPath));
  // A backup that is not a readable vault holds nothing Traykey could restore.
  if (isProblem(backup)) return { replace: true };
  if (!backup.vaultId.equals(current.vaultId)) return { replace: false, reason: `${backupPath} is the backup of a different vault` };
  const plaintext = openVault(backup, key);
  if (!plaintext) return { replace: true };
  let held = 0;
  try {
    const doc: unknown = JSON.parse(plaintext.toString('utf8'));
    if (typeof doc === 'object' && doc !== null) held = accountCount(doc as Record<string, unknown>);
  } catch {
    return { replace: true };
  } finally {
    plaintext.fill(0);
  }
  if (current.accounts >= held) return { replace: true };
  return { replace: false, reason: `${backupPath} holds ${held} accounts and the vault it would be replaced by only ${current.accounts}` };
}
