import { execFile, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { suiteTempHome } from '../../support/temp-home';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `traykey ARGS` as a real process (tsx electron/cli/main.ts, as `npm run cli` does), bounded in time. */
function traykey(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done) => {
    const environment = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env };
    execFile(TSX, ['electron/cli/main.ts', ...args], { cwd: ROOT, env: environment, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

/** Strong enough for the passphrase policy, which refuses to create a vault under a guessable one. */
const PASSPHRASE = 'tangerine walrus umbrella 47';

describe('the traykey process', { timeout: 60_000 }, () => {
  const folder = suiteTempHome('cli-process');
  let home: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    home = folder();
    env = { TRAYKEY_HOME: home, TRAYKEY_PASSPHRASE: PASSPHRASE };
  });

  it('adds an account and prints exactly the RFC 6238 code at --at 59', async () => {
    const added = await traykey(['add', 'otpauth://totp/ACME:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=8&issuer=ACME'], env);
    expect(added).toEqual({ code: 0, stdout: 'Added ACME (alice).\n', stderr: '' });
    expect(await traykey(['code', 'alice', '--at', '59'], env)).toEqual({ code: 0, stdout: '94287082\n', stderr: '' });
  });

  it('exits 1 with one sentence and no stack trace for a malformed URI', async () => {
    const run = await traykey(['add', 'otpauth://totp/ACME:bob?secret=NOT-BASE32!'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('This otpauth link cannot be used: secret is not valid base32 (letters A–Z and digits 2–7).\n');
  });

  it('exits 2 on a usage error', async () => {
    const run = await traykey(['code'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("missing required argument 'query'");
  });

  it('opens the vault with --passphrase-file and says which mode is needed without one', async () => {
    const file = join(home, 'passphrase.txt');
    await writeFile(file, `${PASSPHRASE}\n`, { mode: 0o600 });
    const run = await traykey(['--passphrase-file', file, 'list', '--json'], { TRAYKEY_HOME: home });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({ issuer: 'ACME', label: 'alice' })]);
    const keychainMode = await traykey(['list'], { TRAYKEY_HOME: home });
    expect(keychainMode.code).toBe(1);
    expect(keychainMode.stderr).toMatch(/^The vault .+ is protected by a passphrase: set TRAYKEY_PASSPHRASE or pass --passphrase-file\.\n$/);
  });

  it('ends quietly with exit 0 when the reader closes the pipe early (list | head -1)', async () => {
    const environment = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env };
    const child = spawn(TSX, ['electron/cli/main.ts', 'list'], { cwd: ROOT, env: environment, stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});
