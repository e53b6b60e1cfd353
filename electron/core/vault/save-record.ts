import { readFile } from 'node:fs/promises';
import { KEYCHAIN_SERVICE, type KeyStore } from '../keychain/key-store';
import { writeFileAtomic } from './atomic-write';

/**
 * Where the latest save counter of a vault is kept outside the vault file, so that an older copy put in
 * its place is recognised. Written after each save, under the vault's lock, so it only ever grows.
 */
export interface SaveRecord {
  /** Names the record for people: "the OS keychain" or a file path. */
  readonly where: string;
  latest(): Promise<number | undefined>;
  write(saves: number): Promise<void>;
}

const parseCount = (text: string | null | undefined): number | undefined => {
  const count = Number(text);
  return text && Number.isSafeInteger(count) && count >= 0 ? count : undefined;
};

/**
 * Keychain mode: an entry beside the key. The keychain lives outside the data folder, so putting back
 * an older copy of the folder (or of the file alone) from a backup or a sync tool is noticed.
 */
export function keychainSaveRecord(store: KeyStore, vaultId: Uint8Array): SaveRecord {
  const account = `vault-${Buffer.from(vaultId).toString('hex')}-saves`;
  return {
    where: `the OS keychain (entry "${KEYCHAIN_SERVICE}" / "${account}")`,
    latest: async () => parseCount(await store.get(KEYCHAIN_SERVICE, account)),
    write: (saves) => store.set(KEYCHAIN_SERVICE, account, String(saves)),
  };
}

/**
 * Passphrase mode has no keychain, so the record is a file beside the vault. It notices an older copy
 * of vault.tkv alone put back (by a person, a restore or a sync tool); it cannot notice the whole folder
 * put back, or someone who also deletes or rewinds this file, since they can change it as easily as
 * the vault.
 */
export function fileSaveRecord(path: string, vaultId: Uint8Array): SaveRecord {
  const id = Buffer.from(vaultId).toString('hex');
  return {
    where: path,
    latest: async () => {
      const text = await readFile(path, 'utf8').catch(() => undefined);
      if (text === undefined) return undefined;
      try {
        const record = JSON.parse(text) as { vaultId?: unknown; saves?: unknown };
        return record.vaultId === id && typeof record.saves === 'number' ? parseCount(String(record.saves)) : undefined;
      } catch {
        return undefined;
      }
    },
    write: (saves) => writeFileAtomic(path, Buffer.from(`${JSON.stringify({ vaultId: id, saves })}\n`), { mode: 0o600 }),
  };
}
