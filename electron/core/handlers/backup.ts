import { basename } from 'node:path';
import { appError } from '../../../shared/errors';
import type { Handlers } from '../../../shared/ipc';
import { MAX_IMPORT_FILE_BYTES, type SavedFile } from '../../../shared/ipc/backup';
import { requireStrongPassphrase } from '../../../shared/passphrase-strength';
import { backupOfAccounts, type ExportedFile } from '../backup/export-backup';
import { readImportFile } from '../backup/import-file';
import { exportForOtherApp, OTHER_APP_FILE_NAMES } from '../backup/other-app-export';
import type { FileDialogs } from '../capabilities';
import { writePrivateFile } from '../files/private-file';
import type { CoreContext } from './core-context';

type BackupHandlers = Pick<Handlers, Extract<keyof Handlers, `backup:${string}`>>;

const IMPORTABLE = [
  { name: 'Backups and exports', extensions: ['backup', 'json', '2fas', 'txt'] },
  { name: 'All files', extensions: ['*'] },
];

const day = (now: number): string => new Date(now).toISOString().slice(0, 10);

function dialogsOf(context: CoreContext): FileDialogs {
  if (!context.dialogs) throw appError('UNSUPPORTED', 'This window cannot show file dialogs; use `traykey backup` in a terminal instead.');
  return context.dialogs;
}

/**
 * Backups, imports and exports in the app: thin adapters over the use-cases `traykey backup` and
 * `traykey export` call (backupOfAccounts, importBackup and saveImported through ImportSession,
 * exportForOtherApp, writePrivateFile). File content never goes to the renderer.
 */
export function backupHandlers(context: CoreContext): BackupHandlers {
  const { accounts, imports } = context;

  /** Asks where to save only once there is something to save; the dialog itself asks before replacing a file. */
  const saveWithDialog = async (title: string, defaultName: string, make: () => Promise<ExportedFile> | ExportedFile): Promise<SavedFile> => {
    accounts.list();
    const file = await dialogsOf(context).chooseFileToSave({ title, defaultName, filters: [] });
    if (file === null) return { saved: false };
    const { bytes, count } = await make();
    await writePrivateFile(file, bytes, { replace: true, field: 'file' });
    return { saved: true, count, file };
  };

  return {
    'backup:export': async ({ passphrase }) => {
      await requireStrongPassphrase(passphrase, 'backup');
      return saveWithDialog('Save the encrypted backup', `traykey-${day(context.clock.now())}.backup`, () => backupOfAccounts(accounts, passphrase));
    },
    'backup:exportForApp': async ({ format }) => saveWithDialog('Save the accounts in clear', OTHER_APP_FILE_NAMES[format], () => exportForOtherApp(accounts, format)),
    'backup:openImport': async (source) => {
      if (source.kind === 'dropped') {
        const bytes = Buffer.from(source.data, 'base64');
        if (bytes.length > MAX_IMPORT_FILE_BYTES) throw appError('INVALID_INPUT', `${source.name} is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MiB: it is not an export Traykey can import.`);
        return imports.open(source.name, bytes);
      }
      const path = await dialogsOf(context).chooseFileToOpen({ title: 'Import accounts', filters: IMPORTABLE });
      if (path === null) return { opened: false };
      return imports.open(basename(path), await readImportFile(path));
    },
    'backup:previewImport': ({ passphrase }) => imports.preview(accounts, passphrase),
    'backup:saveImport': ({ chosen }) => imports.save(accounts, chosen),
    'backup:discardImport': async () => {
      imports.discard();
      return {};
    },
  };
}
