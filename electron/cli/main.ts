import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { isAppError } from '../../shared/errors';
import { commands } from './commands';
import { configureLogging } from '../core/log';
import { createCliContext, type CliContext, type CliDeps, type CliIo } from './context';
import { enforcePolicy } from './policy-gate';
import { endQuietlyOnClosedPipe } from './closed-pipe';
import { forTerminal, terminalSafeIo } from './terminal-text';

export type { CliIo } from './context';

const USAGE_ERROR = 2;
const USER_ERROR = 1;
/** What shells report for a command ended by Ctrl-C (128 + SIGINT). */
const INTERRUPTED = 130;

/**
 * The command ARGS name: the first word that is not an option (skipping the values of global options),
 * or the word after `help`. Undefined for `traykey --help` and the like.
 */
function commandWord(program: Command, args: readonly string[]): string | undefined {
  const takesValue = new Set(program.options.filter((option) => option.required || option.optional).flatMap((option) => [option.long, option.short]));
  const words: string[] = [];
  for (let i = 0; i < args.length && words.length < 2; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') break;
    if (takesValue.has(arg)) i++;
    else if (!arg.startsWith('-')) words.push(arg);
  }
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * Registers the one command ARGS run with its full definition; for the program's own help (or a
 * mistyped command) every command is listed by name and summary without loading any of them.
 */
async function registerCommands(program: Command, args: readonly string[], ctx: CliContext): Promise<void> {
  const word = commandWord(program, args);
  const invoked = commands.filter((entry) => entry.name === word);
  if (invoked.length === 0) {
    for (const entry of commands) program.command(entry.name).summary(entry.summary).allowUnknownOption().allowExcessArguments();
    return;
  }
  for (const entry of invoked) (await entry.load()).register(program, ctx);
}

async function buildProgram(args: readonly string[], io: CliIo, deps: CliDeps) {
  const ctx = createCliContext(io, deps);
  const program = new Command('traykey')
    .description('Traykey: one-time codes from the same vault as the tray app.')
    .option('--passphrase-file <file>', 'open a passphrase-protected vault with the passphrase in FILE (else TRAYKEY_PASSPHRASE, else the OS keychain)')
    .showSuggestionAfterError()
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) })
    .hook('preAction', async (command, actionCommand) => {
      const passphraseFile = command.optsWithGlobals<{ passphraseFile?: string }>().passphraseFile;
      if (passphraseFile !== undefined) ctx.options.passphraseFile = passphraseFile;
      await enforcePolicy(actionCommand, () => ctx.policy(), io.stderr);
    });
  await registerCommands(program, args, ctx);
  // exitOverride is inherited only by commands added after it, so it is applied to every command here.
  for (const command of [program, ...program.commands]) command.exitOverride();
  return program;
}

/** Runs `traykey ARGS…`; returns the exit code: 0 ok, 1 user error, 2 usage error. Never throws. */
export async function main(argv: string[], rawIo: CliIo, deps: CliDeps = {}): Promise<number> {
  const io = terminalSafeIo(rawIo);
  configureLogging({ env: io.env, sink: (line) => io.stderr(line) });
  try {
    await (await buildProgram(argv, io, deps)).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : USAGE_ERROR;
    }
    if (isAppError(error)) {
      // Messages can quote a server's own words (error descriptions, names).
      io.stderr(`${forTerminal(error.message)}\n`);
      return error.code === 'INTERRUPTED' ? INTERRUPTED : USER_ERROR;
    }
    io.stderr('Traykey failed unexpectedly; nothing was changed unless the command said so. Please report this.\n');
    return USER_ERROR;
  }
}

/** True when node started this file, or the bundled CLI through bin/traykey.mjs. */
function startedDirectly(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    const started = realpathSync(script);
    const self = realpathSync(fileURLToPath(import.meta.url));
    return started === self || started === resolve(dirname(self), '../../bin/traykey.mjs');
  } catch {
    return false;
  }
}

if (startedDirectly()) {
  const exit = (code: number) => process.exit(code);
  endQuietlyOnClosedPipe(process.stdout, 'standard output', exit, (text) => process.stderr.write(text));
  endQuietlyOnClosedPipe(process.stderr, 'standard error', exit, () => {});
  const io: CliIo = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text), env: process.env };
  process.exitCode = await main(process.argv.slice(2), io);
}
