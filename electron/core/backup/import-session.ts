import { appError } from '../../../shared/errors';
import type { ImportPreviewView, OpenedImport } from '../../../shared/ipc/backup';
import type { AccountsService } from '../accounts/accounts-service';
import { describeBackup, importBackup } from './import-backup';
import type { BackupFormat, ImportResult } from './imported-account';
import { previewImport } from './import-preview';
import { saveImported, type SaveReport } from '../accounts/save-imported';

interface OpenFile {
  name: string;
  bytes: Uint8Array;
  format: BackupFormat;
  encrypted: boolean;
  /** What the file holds once read (with its passphrase): kept in main until saved or discarded. */
  read?: ImportResult;
}

const NOTHING_OPEN = () => appError('NOT_FOUND', 'No file is open for import any more (it was imported, set aside, or the vault was locked): open it again.');

/**
 * The app's import, one file at a time and in three steps: open (say what the file is), preview (read
 * it, with its passphrase, and compare each account with the stored ones) and save (the accounts the
 * person chose). What the file holds stays in main, never in the renderer; the CLI's `backup import`
 * reads and saves with the same importBackup and saveImported in one go.
 */
export class ImportSession {
  private file: OpenFile | null = null;

  open(name: string, bytes: Uint8Array): Extract<OpenedImport, { opened: true }> {
    this.discard();
    const { format, encrypted } = describeBackup(bytes);
    this.file = { name, bytes, format, encrypted };
    return { opened: true, name, format, encrypted };
  }

  async preview(accounts: Pick<AccountsService, 'findDuplicate'>, passphrase: string | undefined): Promise<ImportPreviewView> {
    const file = this.current();
    file.read ??= await importBackup(file.bytes, { format: file.format, ...(passphrase !== undefined ? { passphrase } : {}) });
    return previewImport(accounts, file.name, file.read);
  }

  /** Saves the chosen accounts by preview index; a chosen duplicate replaces the stored account it matches. */
  async save(accounts: Pick<AccountsService, 'findDuplicate' | 'insert' | 'replace'>, chosen: readonly number[]): Promise<SaveReport> {
    const read = this.current().read;
    if (!read) throw appError('INVALID_INPUT', 'Look at the file’s accounts before importing them.');
    const picked = [...new Set(chosen)].sort((a, b) => a - b).map((index) => {
      const account = read.accounts[index];
      if (!account) throw appError('INVALID_INPUT', 'The choice names an account the file does not hold; open the file again.', { field: 'chosen' });
      return account;
    });
    const report = await saveImported(accounts, picked, 'replace');
    this.discard();
    return report;
  }

  discard(): void {
    this.file = null;
  }

  private current(): OpenFile {
    if (!this.file) throw NOTHING_OPEN();
    return this.file;
  }
}
