import { Option, type Command } from 'commander';
import { appError } from '../../../shared/errors';
import { DUPLICATE_POLICIES, type DuplicatePolicy } from '../../core/backup';
import { accountsOf, scanImageFiles } from '../../core/qr';
import { importScannedCodes } from '../../core/qr/scan-import';
import type { CliContext } from '../context';
import { notImportedText } from '../not-imported';
import { forTerminal } from '../terminal-text';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('Add the accounts in QR codes of PNG or JPEG images (otpauth:// and Google Authenticator transfer codes).')
    .argument('<files...>', 'image files')
    .addOption(new Option('--on-duplicate <policy>', 'an account with the same secret, or the same issuer and name, is skipped or replaces the stored one').choices(DUPLICATE_POLICIES).default('skip'))
    .action(async (files: string[], options: { onDuplicate: DuplicatePolicy }) => {
      const codes = (await scanImageFiles(files)).flatMap((file) => file.codes);
      for (const code of codes) if (code.kind === 'invalid') ctx.io.stderr(`${forTerminal(code.message)}\n`);
      if (accountsOf(codes).length === 0) throw appError('INVALID_INPUT', 'No account was found in the QR codes of these images, so nothing was saved.');
      const counts = await ctx.withAccounts((accounts) => importScannedCodes(accounts, codes, options.onDuplicate));
      ctx.io.stderr(notImportedText(counts.notImported));
      ctx.io.stdout(`Added ${counts.added}, replaced ${counts.replaced}, skipped ${counts.skipped} (duplicates are ${options.onDuplicate === 'skip' ? 'skipped' : 'replaced'}).\n`);
    });
}
