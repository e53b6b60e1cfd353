import { execFile, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../../support/temp-home';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const environment = (home: string) => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TRAYKEY_HOME: home, TRAYKEY_PASSPHRASE: 'correct horse battery staple' });

function traykey(home: string, args: string[], stdin?: string): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(TSX, ['electron/cli/main.ts', ...args], { cwd: ROOT, env: environment(home), timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin ?? '');
  });
}

/** `traykey sync pair` as a running process: resolves its words from the first line, then its exit. */
function pairing(home: string): { words: Promise<string>; exit: Promise<Run> } {
  const child = spawn(TSX, ['electron/cli/main.ts', 'sync', 'pair'], { cwd: ROOT, env: environment(home), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let give!: (line: string) => void;
  const words = new Promise<string>((resolveWords) => (give = resolveWords));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('\n')) give(stdout.split('\n')[0]!);
  });
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  const exit = new Promise<Run>((done) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code: code ?? -1, stdout, stderr });
    }),
  );
  return { words, exit };
}

describe('two traykey processes pairing through a folder', { timeout: 180_000 }, () => {
  it('pair prints the words alone, join takes them on stdin, and an edit on one reaches the other', async () => {
    const root = await tempHome('sync-cli');
    const [a, b, folder] = [join(root, 'a'), join(root, 'b'), join(root, 'Shared')];
    expect((await traykey(a, ['add', 'otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME'])).code).toBe(0);
    const setup = await traykey(a, ['sync', 'setup', '--folder', folder]);
    expect(setup).toMatchObject({ code: 0, stderr: '' });

    const paired = pairing(a);
    const words = await paired.words;
    expect(words).toMatch(/^[a-z]+( [a-z]+){5}$/);
    const joined = await traykey(b, ['sync', 'join', '--folder', folder], `${words}\n`);
    expect(joined).toMatchObject({ code: 0, stderr: '' });
    const pairExit = await paired.exit;
    expect(pairExit.code).toBe(0);
    expect(pairExit.stdout.split('\n')[1]).toMatch(/joined the sync group/);

    const listed = await traykey(b, ['list', '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ issuer: 'ACME', label: 'alice' })]);

    expect((await traykey(a, ['add', 'otpauth://totp/Bank:bob?secret=MFRGGZDFMZTWQ2LK&issuer=Bank'])).code).toBe(0);
    expect((await traykey(a, ['sync', 'now'])).code).toBe(0);
    expect((await traykey(b, ['sync', 'now'])).code).toBe(0);
    const after = JSON.parse((await traykey(b, ['list', '--json'])).stdout) as { label: string }[];
    expect(after.map((account) => account.label)).toEqual(['alice', 'bob']);

    const devices = JSON.parse((await traykey(b, ['sync', 'devices', '--json'])).stdout) as { thisDevice: boolean; lastSeen: string | null }[];
    expect(devices).toHaveLength(2);
    expect(devices.find((device) => !device.thisDevice)?.lastSeen).toMatch(/^\d{4}-/);
    expect((await traykey(b, ['sync', 'status'])).stdout).toBe('up to date\n');
  });
});
