import { spawn } from 'node:child_process';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { appError } from '../../../shared/errors';
import { displayName } from '../../../shared/account-names';
import { ClipboardGuard } from '../../core/clipboard/clipboard-guard';
import { clipboardTools, commandClipboard, NO_CLIPBOARD_TOOL, onPath } from '../../core/clipboard/command-clipboard';
import { dataHome } from '../../core/paths';
import { SettingsStore } from '../../core/settings/settings-store';
import { settingsUnderPolicy } from '../../core/settings/policy-limits';
import type { CliContext } from '../context';
import { pickAccount } from '../pick-account';
import { forTerminal } from '../terminal-text';
import { readStdin } from './admin-stdin';

function seconds(value: string): number {
  if (!/^\d{1,5}$/.test(value)) throw new InvalidArgumentError('expected a whole number of seconds.');
  return Number(value);
}

/** The copied code goes to a detached `traykey copy … --clear-watch N` that outlives this command; the code travels on its stdin, never in its arguments. */
function clearInHelper(query: string, text: string, after: number): void {
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1] ?? '', 'copy', query, '--clear-watch', String(after)], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
  child.stdin.end(text);
  child.unref();
}

/** The app's delay (Settings → clipboard), or --clear-after, held to the organisation's limit. */
async function clearDelay(ctx: CliContext, requested: number | undefined): Promise<number> {
  const policy = (await ctx.policy()).current().policy;
  const settings = await new SettingsStore(dataHome(ctx.io.env), () => policy).get();
  return settingsUnderPolicy({ ...settings, clipboardClearSeconds: requested ?? settings.clipboardClearSeconds }, policy).clipboardClearSeconds;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('copy')
    .description('Copy the current code of the one account QUERY names to the clipboard; it is cleared after the app\'s delay if the clipboard still holds it.')
    .argument('<query>', 'part of the issuer or account name; an exact account name wins')
    .option('--clear-after <SECONDS>', 'clear after this many seconds instead of the app\'s setting (0: never)', seconds)
    .addOption(new Option('--clear-watch <SECONDS>', 'internal: wait, then clear the code given on standard input').argParser(seconds).hideHelp())
    .action(async (query: string, options: { clearAfter?: number; clearWatch?: number }) => {
      const deps = ctx.clipboardDeps;
      const tools = deps.clipboard ? undefined : clipboardTools(process.platform, ctx.io.env, onPath(ctx.io.env, process.platform));
      const clipboard = deps.clipboard ? deps.clipboard() : tools && commandClipboard(tools);
      if (!clipboard) throw appError('UNSUPPORTED', NO_CLIPBOARD_TOOL);
      if (options.clearWatch !== undefined) {
        new ClipboardGuard(clipboard, deps.timers).clearLater(await readStdin(ctx.io), options.clearWatch);
        return;
      }
      const after = await clearDelay(ctx, options.clearAfter);
      const { account, code } = await ctx.withAccounts(async (accounts) => {
        const picked = pickAccount(accounts, query, ctx.io);
        return { account: picked, code: picked.type === 'hotp' ? (await accounts.nextHotp(picked.id)).code : accounts.currentCode(picked.id, ctx.now()).code };
      });
      await clipboard.writeText(code);
      if (after > 0) (deps.clearClipboardLater ?? clearInHelper)(query, code, after);
      ctx.io.stderr(`Copied the code of ${forTerminal(displayName(account))}${after > 0 ? `; the clipboard is cleared in ${after} s if it still holds it` : ''}.\n`);
    });
}
