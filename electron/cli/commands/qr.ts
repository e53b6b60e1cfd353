import type { Command } from 'commander';
import { displayName } from '../../../shared/account-names';
import { qrTerminalText } from '../../core/transfer/qr-image';
import type { CliContext } from '../context';
import { pickAccount } from '../pick-account';
import { writeSecretPng } from '../secret-png';
import { forTerminal } from '../terminal-text';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('qr')
    .description('Show the one account QUERY names as an otpauth:// QR code, to scan with a phone; the code holds the secret.')
    .argument('<query>', 'part of the issuer or account name; an exact account name wins')
    .option('--out <FILE.png>', 'write the QR code to this PNG file instead of the terminal')
    .action(async (query: string, options: { out?: string }) => {
      const { account, uri } = await ctx.withAccounts(async (accounts) => {
        const picked = pickAccount(accounts, query, ctx.io);
        return { account: picked, uri: accounts.reveal(picked.id).uri };
      });
      if (options.out === undefined) {
        ctx.io.stdout(`${forTerminal(displayName(account))}\n${await qrTerminalText(uri)}`);
        return;
      }
      await writeSecretPng(options.out, uri);
      ctx.io.stdout(`Wrote the QR code of ${forTerminal(displayName(account))} to ${options.out}; it holds the secret, so delete it once scanned.\n`);
    });
}
