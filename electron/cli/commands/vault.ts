import type { Command } from 'commander';
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
}
