import { existsSync } from 'node:fs';
import { appError, type AppError } from '../../../shared/errors';
import type { LockHolder } from './lock-file';

export interface VaultFiles {
  path: string;
  backupPath: string;
  lockPath: string;
  /** Passphrase mode's record of the latest save counter (see save-record.ts). */
  savesPath: string;
}

function backupAdvice(files: VaultFiles): string {
  return existsSync(files.backupPath)
    ? `The previous good copy is ${files.backupPath}: to go back to it, quit Traykey and copy it over ${files.path}.`
    : `There is no backup copy (${files.backupPath}); keep the file and restore the vault from your own backup.`;
}

export function vaultCorrupt(files: VaultFiles, reason: string): AppError {
  return appError('VAULT_CORRUPT', `The vault file ${files.path} is damaged (${reason}); Traykey left it untouched and will not write to it. ${backupAdvice(files)}`);
}

export function vaultForeign(files: VaultFiles): AppError {
  return appError('VAULT_FOREIGN', `The file ${files.path} is not a Traykey vault, so Traykey will not open or overwrite it; move it elsewhere to start a new vault. ${backupAdvice(files)}`);
}

export function vaultNewer(files: VaultFiles, version: number): AppError {
  return appError('VAULT_FOREIGN', `The vault file ${files.path} was written by a newer Traykey (format version ${version}); update Traykey to open it. The file was left untouched.`);
}

/** One sentence: the vault is gone but `trace` shows it existed, so nothing new is started over it. */
export function vaultMissing(files: VaultFiles, trace: string): AppError {
  const message =
    trace === files.backupPath
      ? `There is no vault at ${files.path} but its backup copy ${files.backupPath} is there, so Traykey will not start an empty vault over it: to restore it, quit Traykey and copy ${files.backupPath} to ${files.path} (or move the backup out of the folder to start a new empty vault on purpose).`
      : `There is no vault at ${files.path} but ${trace} shows one was kept there, so Traykey will not start an empty vault: put your vault back from your own backup (or move ${trace} out of the folder to start a new empty vault on purpose).`;
  return appError('VAULT_MISSING', message);
}

/** What makes a vault file an older copy: its save counter, and the later one recorded elsewhere. */
export interface OlderCopy {
  file: number;
  latest: number;
  where: string;
}

export function olderCopyWarning(files: VaultFiles, older: OlderCopy): string {
  return `The vault ${files.path} is an older copy: it is save ${older.file} of this vault, but ${older.where} records save ${older.latest}, so Traykey opened it read-only.`;
}

export function vaultOlder(files: VaultFiles, older: OlderCopy): AppError {
  return appError(
    'VAULT_OLDER',
    `The vault ${files.path} is an older copy (save ${older.file}; ${older.where} records save ${older.latest}), so Traykey will not write to it: put the newer copy back, or run \`traykey vault accept-older\` to keep working from this one deliberately (changes made after it are then given up).`,
  );
}

export function vaultBusy(files: VaultFiles, holder: LockHolder | undefined): AppError {
  const who = holder ? `process ${holder.pid} on ${holder.host}` : 'another process';
  return appError('VAULT_BUSY', `The vault ${files.path} is being written by ${who}; try again in a moment. If no Traykey is running, delete ${files.lockPath}.`);
}

const reasons: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the folder is on a read-only file system',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

export function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code && reasons[code]) ?? (code ? `error ${code}` : 'an unexpected error');
}

export function vaultNotSaved(files: VaultFiles, error: unknown): AppError {
  return appError('VAULT_IO', `The vault ${files.path} could not be saved (${ioReason(error)}); the change was not applied and the last saved vault was kept.`);
}

export function vaultUnreadable(files: VaultFiles, error: unknown): AppError {
  return appError('VAULT_IO', `The vault ${files.path} could not be read or created (${ioReason(error)}); check that its folder exists and belongs to you.`);
}
