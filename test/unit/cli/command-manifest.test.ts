import { Command } from 'commander';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../electron/cli/commands';
import { createCliContext } from '../../../electron/cli/context';
import type { judgePassphrase } from '../../../shared/passphrase-strength';
import { tempHome } from '../../support/temp-home';

const BUNDLE_SCRIPT = new URL('../../../build/scripts/cli-bundle.mjs', import.meta.url).href;

/** Every input file of the bundle that loading `output` evaluates before any dynamic import. */
function startupInputs(metafile: Metafile, output: string): string[] {
  const seen = new Set<string>();
  const pending = [output];
  while (pending.length > 0) {
    const file = pending.pop() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) if (imported.kind === 'import-statement' && metafile.outputs[imported.path]) pending.push(imported.path);
  }
  return [...seen].flatMap((file) => Object.keys(metafile.outputs[file]?.inputs ?? {}));
}

describe('the command list', () => {
  it('names each command its module registers, and nothing a module registers is missing from it', async () => {
    const ctx = createCliContext({ stdout: () => {}, stderr: () => {}, env: {} });
    const registered = new Set<string>();
    for (const entry of commands) {
      const program = new Command('traykey');
      (await entry.load()).register(program, ctx);
      const names = program.commands.map((command) => command.name());
      expect(names, entry.name).toContain(entry.name);
      for (const name of names) registered.add(name);
    }
    expect([...registered].sort()).toEqual(commands.map((entry) => entry.name).sort());
  });
});

describe('start-up of the built CLI', () => {
  it('loads no command, vault, QR, admin, push or schema code before a command is chosen', async () => {
    const { CLI_BUILD_OPTIONS } = (await import(BUNDLE_SCRIPT)) as { CLI_BUILD_OPTIONS: BuildOptions };
    const { metafile } = await build({ ...CLI_BUILD_OPTIONS, write: false, metafile: true, sourcemap: false, logLevel: 'silent' });
    const entry = Object.keys(metafile.outputs).find((file) => metafile.outputs[file]?.entryPoint === 'electron/cli/main.ts') ?? '';
    const inputs = startupInputs(metafile, entry);
    expect(inputs).toContain('electron/cli/main.ts');
    expect(inputs.filter((input) => /node_modules\/(?!commander\/)/.test(input))).toEqual([]);
    expect(inputs.filter((input) => /electron\/cli\/commands\/(?!index\.ts)|electron\/core\/(?!log\/|paths\.ts|idp\/http\/redact\.ts)/.test(input))).toEqual([]);
  }, 30_000);
});

describe('packages the built CLI loads on demand', () => {
  it('keep their named exports in a split chunk: the passphrase rule judges a new vault passphrase', async () => {
    const { CLI_BUILD_OPTIONS } = (await import(BUNDLE_SCRIPT)) as { CLI_BUILD_OPTIONS: BuildOptions };
    const outdir = await tempHome('cli-bundle');
    await build({ ...CLI_BUILD_OPTIONS, entryPoints: { strength: 'shared/passphrase-strength.ts' }, outdir, sourcemap: false, logLevel: 'silent' });
    const built = (await import(pathToFileURL(join(outdir, 'strength.mjs')).href)) as { judgePassphrase: typeof judgePassphrase };
    expect((await built.judgePassphrase('correct horse battery staple', 'vault')).ok).toBe(true);
    expect((await built.judgePassphrase('password1', 'vault')).ok).toBe(false);
  }, 30_000);
});
