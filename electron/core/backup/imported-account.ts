import type { BackupAccount } from '../../../shared/accounts';
import { IMPORT_FORMATS, type ImportFormat } from '../../../shared/ipc/backup';

/** An entry (or a line of a URI list) that was skipped, and why. Never carries the secret. */
export interface ImportProblem {
  kind: 'entry' | 'line';
  /** 1-based entry number or line number. */
  number: number;
  /** The entry's issuer/name when it had one, so a person can find it in the source app. */
  name?: string;
  reason: string;
}

export const BACKUP_FORMATS = IMPORT_FORMATS;
export type BackupFormat = ImportFormat;

export interface ImportResult {
  format: BackupFormat;
  encrypted: boolean;
  accounts: BackupAccount[];
  problems: ImportProblem[];
}

/** What each entry-based importer returns before the format name is attached. */
export interface ImportedEntries {
  accounts: BackupAccount[];
  problems: ImportProblem[];
}
