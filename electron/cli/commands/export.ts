import { stat } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { appError } from '../../../shared/errors';
import { OTHER_APP_FORMATS, type OtherAppFormat } from '../../../shared/ipc/backup';
import { exportForOtherApp } from '../../core/backup/other-app-export';
import { writePrivateFile } from '../../core/files/private-file';
import type { CliContext } from '../context';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('Write every account IN CLEAR for another app: otpauth:// links one a line (uris) or an Aegis vault file (aegis). For a backup, use `backup export`.')
    .argument('<file>', 'where to write the file (readable only by you)')
    .addOption(new Option('--format <format>', 'uris or aegis').choices(OTHER_APP_FORMATS).makeOptionMandatory())
    .option('--force', 'replace FILE if it already exists')
    .action(async (file: string, options: { format: OtherAppFormat; force?: boolean }) => {
      if (!options.force && (await stat(file).then(() => true, () => false))) throw appError('INVALID_INPUT', `${file} already exists; add --force to replace it.`, { field: 'file' });
      const { bytes, count } = await ctx.withAccounts(async (accounts) => exportForOtherApp(accounts, options.format));
      await writePrivateFile(file, bytes, { replace: options.force === true, field: 'file' });
      ctx.io.stdout(`Exported ${count} account${count === 1 ? '' : 's'} to ${file}.\n`);
      ctx.io.stderr(`${file} holds the secrets in clear: anyone who reads it can copy these accounts. Delete it once the other app has imported it.\n`);
    });
}
