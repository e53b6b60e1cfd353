import type { Command } from 'commander';
import { acceptOlderCopy } from '../../core/vault/accept-older-copy';
import type { CliContext } from '../context';

/** Deliberate acts on the vault file itself, which Traykey never does on its own. */
export function register(program: Command, ctx: CliContext): void {
  const vault = program.command('vault').description('Deliberate acts on the vault file and its backup copy.');
  vault
    .command('replace-backup')
    .description('Make the vault as it is now the backup copy (vault.tkv.bak), even when the old backup holds more accounts or belongs to another vault.')
    .action(async () => {
      await ctx.withVault((opened) => opened.replaceBackup());
      ctx.io.stdout('The backup copy now holds the vault as it was before this save.\n');
    });
  vault
    .command('accept-older')
    .description('Keep working from an older copy of the vault that Traykey opened read-only; what was changed after that copy is given up.')
    .action(async () => {
      const outcome = await ctx.withVault((opened) => acceptOlderCopy(opened, ctx.now()));
      ctx.io.stdout(outcome === 'accepted' ? 'Traykey works from this copy of the vault now; sign-in requests issued before now are refused.\n' : 'The vault is not an older copy; nothing was changed.\n');
    });
}
