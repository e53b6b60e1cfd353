import { readFile, stat } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { appError } from '../../../shared/errors';
import { readImportFile } from '../../core/backup/import-file';
import { writePrivateFile } from '../../core/files/private-file';
import { backupOfAccounts } from '../../core/backup/export-backup';
import { describeBackup, importBackup } from '../../core/backup/import-backup';
import { BACKUP_FORMATS, type BackupFormat, type ImportProblem } from '../../core/backup/imported-account';
import { DUPLICATE_POLICIES, type DuplicatePolicy } from '../../core/backup/merge-plan';
import { saveImported } from '../../core/accounts/save-imported';
import type { CliContext } from '../context';
import { askHidden } from '../hidden-prompt';
import { notImportedText } from '../not-imported';
import { forTerminal } from '../terminal-text';

const FORMAT_NAMES: Record<BackupFormat, string> = { traykey: 'Traykey backup', aegis: 'Aegis export', '2fas': '2FAS export', uris: 'otpauth:// link list' };

async function passphraseFromFile(file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw appError('INVALID_INPUT', `The backup passphrase file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`, { field: 'backupPassphraseFile' });
  }
  // Only the line ending an editor or `echo` adds is dropped, as for the vault's --passphrase-file.
  return text.replace(/\r?\n$/, '');
}

async function backupPassphrase(file: string | undefined, ctx: CliContext, confirm: boolean): Promise<string> {
  if (file !== undefined) return passphraseFromFile(file);
  if (!process.stdin.isTTY) {
    throw appError('INVALID_INPUT', 'Give the backup passphrase with --backup-passphrase-file FILE: there is no terminal to ask on.', { field: 'backupPassphraseFile' });
  }
  const passphrase = await askHidden('Backup passphrase: ', ctx.io.stderr);
  if (confirm && (await askHidden('Same passphrase again: ', ctx.io.stderr)) !== passphrase) {
    throw appError('INVALID_INPUT', 'The two passphrases differ; nothing was written.', { field: 'passphrase' });
  }
  return passphrase;
}

function describeProblem(p: ImportProblem): string {
  const where = p.kind === 'line' ? `line ${p.number}` : `entry ${p.number}${p.name ? ` (${forTerminal(p.name)})` : ''}`;
  return `Skipped ${where}: ${forTerminal(p.reason.replace(/\.$/, ''))}.\n`;
}

function needsPassphrase(bytes: Uint8Array, format: BackupFormat | 'auto'): boolean {
  try {
    return describeBackup(bytes).encrypted;
  } catch {
    // Unrecognised content: only a named Traykey backup is sure to want one; the importer explains the rest.
    return format === 'traykey';
  }
}

export function register(program: Command, ctx: CliContext): void {
  const backup = program.command('backup').description('Export the vault to an encrypted backup file, or import a backup or another app\'s export.');
  const passphraseOption = () => new Option('--backup-passphrase-file <file>', 'read the backup passphrase from FILE (else it is asked on the terminal)');

  backup
    .command('export')
    .description('Write every account to FILE, encrypted with a passphrase (scrypt, AES-256-GCM).')
    .argument('<file>', 'where to write the backup')
    .addOption(passphraseOption())
    .option('--force', 'replace FILE if it already exists')
    .action(async (file: string, opts: { backupPassphraseFile?: string; force?: boolean }) => {
      if (!opts.force && (await stat(file).then(() => true, () => false))) {
        throw appError('INVALID_INPUT', `${file} already exists; add --force to replace it.`, { field: 'file' });
      }
      const passphrase = await backupPassphrase(opts.backupPassphraseFile, ctx, true);
      const { bytes, count } = await ctx.withAccounts((service) => backupOfAccounts(service, passphrase));
      await writePrivateFile(file, bytes, { replace: opts.force === true, field: 'file' });
      ctx.io.stdout(`Exported ${count} account${count === 1 ? '' : 's'} to ${file}.\n`);
    });

  backup
    .command('import')
    .description('Add the accounts of a Traykey backup, an Aegis or 2FAS export (plain or encrypted), or a text file of otpauth:// links.')
    .argument('<file>', 'the backup or export to read')
    .addOption(new Option('--format <format>', 'what FILE is').choices(['auto', ...BACKUP_FORMATS]).default('auto'))
    .addOption(new Option('--on-duplicate <policy>', 'what to do with an account already in the vault').choices([...DUPLICATE_POLICIES]).default('skip'))
    .addOption(passphraseOption())
    .action(async (file: string, opts: { format: BackupFormat | 'auto'; onDuplicate: DuplicatePolicy; backupPassphraseFile?: string }) => {
      const bytes = await readImportFile(file);
      const passphrase = needsPassphrase(bytes, opts.format) ? await backupPassphrase(opts.backupPassphraseFile, ctx, false) : undefined;
      // Read and decrypt everything before the vault is opened: a bad file changes nothing.
      const result = await importBackup(bytes, { format: opts.format, ...(passphrase !== undefined ? { passphrase } : {}) });
      for (const problem of result.problems) ctx.io.stderr(describeProblem(problem));
      const saved = await ctx.withAccounts((service) => saveImported(service, result.accounts, opts.onDuplicate));
      ctx.io.stderr(notImportedText(saved.skipped));
      const skipped = result.problems.length + saved.skipped.length;
      ctx.io.stdout(`Imported ${saved.added + saved.replaced} of ${result.accounts.length + result.problems.length} accounts from the ${FORMAT_NAMES[result.format]}`
        + `${saved.replaced > 0 ? ` (${saved.replaced} replaced existing ones)` : ''}${skipped > 0 ? `; ${skipped} skipped` : ''}.\n`);
    });

  // cli.ts applies exitOverride to top-level commands only; nested ones need it too, or commander exits the process.
  for (const command of [backup, ...backup.commands]) command.exitOverride();
}
