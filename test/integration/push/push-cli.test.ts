import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimHandle } from '../../sim';
import { askToConfirm, cibaToken } from './ciba-requester';
import { FakeVerifier } from './fake-verifier';
import { PushService } from '../../../electron/core/push/push-service';
import { openVaultFromEnv } from '../../../electron/core/vault/open-from-env';
import { suiteTempHome } from '../../support/temp-home';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const LOGIN = 'bob@example.com';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `traykey ARGS` as a real process with `input` on standard input, bounded in time. */
function traykey(args: string[], env: Record<string, string>, input = ''): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(TSX, ['electron/cli/main.ts', ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, timeout: 30_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('traykey push as a second data folder approving CIBA requests', { timeout: 60_000 }, () => {
  let sim: SimHandle;
  const folder = suiteTempHome('push-cli');
  let home: string;
  let env: Record<string, string>;
  let password: string;

  beforeAll(async () => {
    sim = await startSimulator();
    password = sim.okta.users.find((u) => u.login === LOGIN)?.password ?? '';
    home = folder();
    env = { TRAYKEY_HOME: home, TRAYKEY_PASSPHRASE: 'push-cli-test' };
    const enrolled = await traykey(['push', 'enroll', '--org', sim.okta.url, '--client-id', sim.okta.oidcClientId, '--user', LOGIN], env, `${password}\n`);
    expect(enrolled).toMatchObject({ code: 0, stderr: '' });
    expect(enrolled.stdout).toBe(`Enrolled this computer with ${sim.okta.url} for ${LOGIN}.\n`);
  });

  afterAll(async () => {
    await sim.close();
  });

  it('lists a CIBA request with its binding message as JSON, and approving it lets the requester in', async () => {
    const authReqId = await askToConfirm(sim, LOGIN, 'Helpdesk ticket 99');
    const listed = await traykey(['push', 'list', '--json'], env);
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(['app', 'bindingMessage', 'clientOS', 'expiresAt', 'id', 'location', 'org', 'transactionType']);
    expect(rows[0]).toMatchObject({ org: sim.okta.url, transactionType: 'CIBA', bindingMessage: 'Helpdesk ticket 99' });
    const id = String(rows[0]?.id);
    expect(await traykey(['push', 'approve', id], env)).toEqual({ code: 0, stdout: `Approved ${id}.\n`, stderr: '' });
    sim.advanceClock(10_000);
    expect((await cibaToken(sim, authReqId)).status).toBe(200);
  });

  it('denies a request, and the requester hears access_denied', async () => {
    const authReqId = await askToConfirm(sim, LOGIN, 'Deny this one');
    const rows = JSON.parse((await traykey(['push', 'list', '--json'], env)).stdout) as { id: string }[];
    const id = rows[0]?.id ?? '';
    expect(await traykey(['push', 'deny', id], env)).toEqual({ code: 0, stdout: `Denied ${id}.\n`, stderr: '' });
    sim.advanceClock(10_000);
    expect((await cibaToken(sim, authReqId)).error).toBe('access_denied');
  });

  it('exits 1 with one sentence for a request that is not waiting', async () => {
    const run = await traykey(['push', 'approve', 'ftNOSUCHREQUEST'], env);
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'That sign-in request is no longer pending: it was answered, expired or withdrawn.\n' });
  });

  it('watch prints one JSON line per request as it arrives, and stops cleanly on Ctrl-C', async () => {
    const child = spawn(TSX, ['electron/cli/main.ts', 'push', 'watch', '--json'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, timeout: 30_000 });
    let stdout = '';
    const firstLine = new Promise<string>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('\n')) resolve(stdout.split('\n')[0] ?? '');
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await askToConfirm(sim, LOGIN, 'Watched request');
    const line = JSON.parse(await firstLine) as Record<string, unknown>;
    expect(line).toMatchObject({ org: sim.okta.url, transactionType: 'CIBA', bindingMessage: 'Watched request' });
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const rows = JSON.parse((await traykey(['push', 'list', '--json'], env)).stdout) as { id: string }[];
    expect(await traykey(['push', 'deny', rows[0]?.id ?? ''], env)).toMatchObject({ code: 0 });
  });

  it('prints a requester\'s binding message as text, never as terminal instructions', async () => {
    await askToConfirm(sim, LOGIN, 'hi\u001b[1A\u001b[2Kfake line');
    const listed = await traykey(['push', 'list'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toContain('\u001b');
    expect(listed.stdout).toContain('Message: hi\\u001B[1A\\u001B[2Kfake line\n');
    const asJson = JSON.parse((await traykey(['push', 'list', '--json'], env)).stdout) as { id: string; bindingMessage: string }[];
    expect(asJson[0]?.bindingMessage).toBe('hi\u001b[1A\u001b[2Kfake line');
    expect(await traykey(['push', 'deny', asJson[0]?.id ?? ''], env)).toMatchObject({ code: 0 });
  });

  it('uv add is refused with one sentence (a terminal cannot show the OS prompt); uv remove takes the key away here and at the org', async () => {
    const atOrg = async () => ((await (await fetch(`${sim.okta.url}/__sim/okta-push/state`)).json()) as { enrollments: { userVerificationKey: string | null }[] }).enrollments;
    const vault = await openVaultFromEnv({ home, env });
    try {
      const app = new PushService({ vault, verifier: new FakeVerifier(), http: { timeoutMs: 5_000 } });
      await app.setUserVerification({ orgUrl: sim.okta.url, enabled: true, signIn: { kind: 'password', username: LOGIN, password } });
    } finally {
      vault.close();
    }
    expect((await atOrg())[0]?.userVerificationKey).toEqual(expect.any(String));

    expect(await traykey(['push', 'uv', 'add', '--org', sim.okta.url], env)).toEqual({
      code: 1,
      stdout: '',
      stderr:
        process.platform === 'darwin'
          ? 'Adding user verification needs Touch ID, which the traykey command cannot show: add it in the Traykey app under Approvals.\n'
          : 'Traykey cannot verify you on this computer (it offers Touch ID on macOS only), so it cannot add user verification.\n',
    });
    const removed = await traykey(['push', 'uv', 'remove', '--org', sim.okta.url, '--user', LOGIN], env, `${password}\n`);
    expect(removed).toEqual({ code: 0, stdout: `Removed user verification from this computer's enrolment with ${sim.okta.url}: requests that require it can no longer be approved here.\n`, stderr: '' });
    expect((await atOrg())[0]?.userVerificationKey).toBeNull();
    expect(await traykey(['push', 'uv', 'remove', '--org', sim.okta.url, '--no-browser'], env)).toEqual({
      code: 1,
      stdout: '',
      stderr: `This computer's enrolment with ${sim.okta.url} has no user verification to remove.\n`,
    });
  });

  it('removes the enrolment here and at the org', async () => {
    const removed = await traykey(['push', 'remove', '--org', sim.okta.url, '--user', LOGIN], env, `${password}\n`);
    expect(removed).toEqual({ code: 0, stdout: `Removed this computer's enrolment with ${sim.okta.url}.\n`, stderr: '' });
    const state = (await (await fetch(`${sim.okta.url}/__sim/okta-push/state`)).json()) as { enrollments: unknown[] };
    expect(state.enrollments).toEqual([]);
  });
});
