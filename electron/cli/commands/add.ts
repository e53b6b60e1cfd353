import type { Command } from 'commander';
import { isAppError } from '../../../shared/errors';
import { displayName } from '../../core/accounts/stored-account';
import { decodeMigrationUri } from '../../core/otp/migration-uri';
import type { CliContext } from '../context';
import { forTerminal } from '../terminal-text';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('add')
    .description('Add an account from an otpauth:// link (or every account of a Google Authenticator otpauth-migration:// export).')
    .argument('<uri>', 'the otpauth:// or otpauth-migration:// link, quoted')
    .action(async (uri: string) => {
      await ctx.withAccounts(async (accounts) => {
        if (!uri.trim().toLowerCase().startsWith('otpauth-migration:')) {
          const added = await accounts.addUri(uri);
          ctx.io.stdout(`Added ${forTerminal(displayName(added))}.\n`);
          return;
        }
        const { accounts: incoming } = decodeMigrationUri(uri);
        let added = 0;
        for (const account of incoming) {
          try {
            await accounts.insert(account);
            added++;
          } catch (error) {
            if (!isAppError(error) || error.code !== 'DUPLICATE') throw error;
          }
        }
        const skipped = incoming.length - added;
        ctx.io.stdout(`Added ${added} of ${incoming.length} accounts${skipped > 0 ? ` (${skipped} already present)` : ''}.\n`);
      });
    });
}
