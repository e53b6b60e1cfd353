import { execFile } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { createCore } from '../../electron/core/app-core';
import { dispatch } from '../../electron/core/ipc/dispatch';
import { configureFileLogging, configureLogging, rememberDocumentSecrets, SecretRegistry } from '../../electron/core/log';
import { codeForStep, timeStep } from '../../electron/core/otp/codes';
import { Vault } from '../../electron/core/vault/vault';
import type { Result } from '../../shared/errors';
import { startSimulator, type SimHandle } from '../sim';
import { askToConfirm, cibaToken } from '../integration/push/ciba-requester';
import { suiteTempHome } from '../support/temp-home';

/*
 * The main flows run with TRAYKEY_LOG=debug; everything they print, log or answer as an error is
 * collected, and none of it may contain a secret, token, password or code used, except the one place
 * the user asked to see a code: the standard output of `traykey code`.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const VAULT_PASSPHRASE = 'vault-passphrase-never-logged';
const BACKUP_PASSPHRASE = 'backup-passphrase-never-logged';
const WRONG_PASSPHRASE = 'wrong-passphrase-never-logged';
const SECRETS = { cli: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', scanned: 'JBSWY3DPEHPK3PXPJBSWY3DP', imported: 'KRSXG5CTMVRXEZLUKRSXG5CT', bad: 'MFRGGZDFMZTWQ2LKNNWG23TP' };
const SCRYPT = { N: 1024, r: 8, p: 1 };
const AT_SECONDS = 1_800_000_000;

interface Output {
  where: string;
  text: string;
  /** What the user asked this output to show: `code` prints a code, `scan` prints each QR code's text. */
  shows?: 'code' | 'qr-text';
}
const outputs: Output[] = [];
/** Credentials seen during the flows that end up nowhere on disk (tokens handed to the requester, removed keys). */
const flowSecrets: string[] = [];
/** The push enrolment's private keys, read from the vault before removal deletes them. */
const pushKeys = new SecretRegistry();

const folder = suiteTempHome('leak');

let home: string;
let sim: SimHandle;
const env = () => ({ TRAYKEY_HOME: home, TRAYKEY_LOG: 'debug' });
const openVault = () => Vault.open({ home, keySource: { kind: 'passphrase', passphrase: VAULT_PASSPHRASE }, unsafeTestScrypt: SCRYPT });

async function cli(args: string[], extra: { env?: Record<string, string>; stdin?: string; shows?: Output['shows']; realTime?: boolean } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text), env: { ...env(), ...extra.env }, stdin: async () => extra.stdin ?? '' };
  const code = await main(args, io, { openVault, now: extra.realTime ? Date.now : () => AT_SECONDS * 1000 });
  const where = `traykey ${args.join(' ')}`;
  outputs.push({ where: `${where} (stdout)`, text: stdout, ...(extra.shows ? { shows: extra.shows } : {}) });
  outputs.push({ where: `${where} (stderr and debug log)`, text: stderr });
  return { code, stdout, stderr };
}

function processRun(args: string[], environment: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(TSX, ['electron/cli/main.ts', ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...environment }, timeout: 30_000 }, (error, stdout, stderr) => {
      outputs.push({ where: `process traykey ${args.join(' ')}`, text: stdout + stderr });
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

function errorText(result: Result<unknown>): string {
  return result.ok ? '' : `${result.error.code} ${result.error.message} ${result.error.field ?? ''}`;
}

/** Every six-to-eight-digit code each account had around the test's moment, with its neighbours. */
function codesOf(secrets: readonly string[]): string[] {
  const step = timeStep(AT_SECONDS * 1000, 30);
  return secrets.flatMap((secret) =>
    [-2, -1, 0, 1, 2].flatMap((delta) => [6, 8].map((digits) => codeForStep({ type: 'totp', algorithm: 'SHA1', digits, period: 30, secret }, step + delta))),
  );
}

beforeAll(async () => {
  home = folder();
  sim = await startSimulator();
});
afterAll(async () => {
  configureLogging({ env: {}, sink: (line) => process.stderr.write(line) });
  await sim.close();
});

describe('secrets never leak', { timeout: 120_000 }, () => {
  it('runs the CLI flows at debug level', async () => {
    expect((await cli(['add', `otpauth://totp/ACME:alice?secret=${SECRETS.cli}&issuer=ACME`])).code).toBe(0);
    expect((await cli(['add', `otpauth://totp/ACME:alice?secret=${SECRETS.cli}&issuer=ACME`])).code).toBe(1);
    expect((await cli(['add', `otpauth://totp/Bad:x?secret=${SECRETS.bad}&digits=99`])).code).toBe(1);
    expect((await cli(['list', '--json'])).code).toBe(0);
    expect((await cli(['code', 'alice', '--at', String(AT_SECONDS)], { shows: 'code' })).code).toBe(0);
    expect((await cli(['code', 'nobody'])).code).toBe(1);

    const image = join(home, 'qr.png');
    await QRCode.toFile(image, `otpauth://totp/Scan:bob?secret=${SECRETS.scanned}&issuer=Scan`);
    expect((await cli(['scan', image])).code).toBe(0);
    expect((await cli(['scan', '--reveal', image], { shows: 'qr-text' })).code).toBe(0);
    expect((await cli(['import', image])).code).toBe(0);

    const passFile = join(home, 'backup-pass.txt');
    await writeFile(passFile, `${BACKUP_PASSPHRASE}\n`, { mode: 0o600 });
    const wrongFile = join(home, 'wrong-pass.txt');
    await writeFile(wrongFile, `${WRONG_PASSPHRASE}\n`, { mode: 0o600 });
    const backupFile = join(home, 'backup.tkb');
    expect((await cli(['backup', 'export', backupFile, '--backup-passphrase-file', passFile])).code).toBe(0);
    expect((await cli(['backup', 'import', backupFile, '--backup-passphrase-file', wrongFile])).code).toBe(1);
    expect((await cli(['backup', 'import', backupFile, '--backup-passphrase-file', passFile])).code).toBe(0);
    const list = join(home, 'uris.txt');
    await writeFile(list, `otpauth://totp/Imp:carol?secret=${SECRETS.imported}&issuer=Imp\notpauth://totp/Imp:broken?secret=${SECRETS.bad}&algorithm=MD9\n`);
    expect((await cli(['backup', 'import', list])).code).toBe(0);
    expect((await cli(['remove', 'carol'])).code).toBe(0);
  });

  it('runs an admin enrolment against the simulator at debug level', async () => {
    const run = await cli(['admin', 'okta', 'enroll', '--org', sim.okta.url, '--count', '2', '--prefix', 'leak', '--json'], { env: { OKTA_API_TOKEN: sim.okta.apiToken }, realTime: true });
    expect(run.code).toBe(0);
    const failing = await cli(['admin', 'okta', 'enroll', '--org', sim.okta.url, '--count', '1', '--prefix', 'denied'], { env: { OKTA_API_TOKEN: `${sim.okta.apiToken}-revoked` }, realTime: true });
    expect(failing.code).not.toBe(0);
  });

  it('runs push enrolment, a CIBA approval and removal at debug level', async () => {
    const user = sim.okta.users[0];
    if (!user) throw new Error('the simulator has no Okta user');
    const signIn = { stdin: user.password, realTime: true };
    expect((await cli(['push', 'enroll', '--org', sim.okta.url, '--client-id', sim.okta.oidcClientId, '--user', user.login], signIn)).code).toBe(0);
    const enrolled = await openVault();
    rememberDocumentSecrets(enrolled.read(), pushKeys);
    enrolled.close();
    const authReqId = await askToConfirm(sim, user.login, 'Leak check 4711');
    const listed = await cli(['push', 'list', '--json'], { realTime: true });
    const [challenge] = JSON.parse(listed.stdout) as { id: string }[];
    expect((await cli(['push', 'approve', challenge?.id ?? 'none'], { realTime: true })).code).toBe(0);
    expect((await cli(['push', 'approve', challenge?.id ?? 'none'], { realTime: true })).code).toBe(1);
    const token = await cibaToken(sim, authReqId);
    expect(token.access_token).toBeTypeOf('string');
    flowSecrets.push(token.access_token ?? '', token.id_token ?? '', authReqId);
    expect((await cli(['push', 'remove', '--org', sim.okta.url, '--user', user.login], signIn)).code).toBe(0);
  });

  it('runs the app core with its file log at debug level', async () => {
    configureFileLogging({ env: { TRAYKEY_LOG: 'debug' }, home });
    const core = createCore({ vault: await openVault(), home, watchVault: false });
    try {
      const errors = [
        await dispatch(core.handlers, 'accounts:addUri', { uri: `otpauth://totp/ACME:alice?secret=${SECRETS.cli}&issuer=ACME` }),
        await dispatch(core.handlers, 'accounts:add', { issuer: 'X', label: 'y', secret: `${SECRETS.bad}!` }),
        await dispatch(core.handlers, 'vault:lock', {}),
        await dispatch(core.handlers, 'vault:unlock', { passphrase: WRONG_PASSPHRASE }),
        await dispatch(core.handlers, 'accounts:codes', {}),
        await dispatch(core.handlers, 'vault:unlock', { passphrase: VAULT_PASSPHRASE }),
        await dispatch(core.handlers, 'accounts:codes', {}),
        await dispatch(core.handlers, 'settings:set', { timeSourceUrl: `http://user:${WRONG_PASSPHRASE}@time.example/` }),
      ];
      outputs.push({ where: 'core error messages', text: errors.map(errorText).join('\n') });
    } finally {
      core.close();
    }
  });

  it('runs the CLI as a real process, failures included', async () => {
    const environment = { ...env(), TRAYKEY_HOME: join(home, 'process'), TRAYKEY_PASSPHRASE: VAULT_PASSPHRASE };
    expect((await processRun(['add', `otpauth://totp/P:dave?secret=${SECRETS.cli}`], environment)).code).toBe(0);
    expect((await processRun(['list'], { ...environment, TRAYKEY_PASSPHRASE: WRONG_PASSPHRASE })).code).toBe(1);
    expect((await processRun(['add', `otpauth://totp/P:erin?secret=${SECRETS.bad}&period=abc`], environment)).code).toBe(1);
  });

  it('wrote nothing secret anywhere', async () => {
    const logDir = join(home, 'logs');
    for (const name of await readdir(logDir)) outputs.push({ where: `log file ${name}`, text: await readFile(join(logDir, name), 'utf8') });
    const all = outputs.map((output) => output.text).join('\n');
    // The checks below would pass vacuously if nothing were logged: the debug lines must be there.
    expect(all).toMatch(/DEBUG vault opened/);
    expect(all).toMatch(/DEBUG vault saved/);
    expect(all).toMatch(/idp (GET|POST) http:\/\/127\.0\.0\.1/);

    const vault = await openVault();
    const stored = new SecretRegistry();
    rememberDocumentSecrets(vault.read(), stored);
    vault.close();
    const accountSecrets = [...Object.values(SECRETS), ...stored.list().filter((value) => /^[A-Z2-7]{16,}$/.test(value))];
    const forbidden = [
      ...new Set([...Object.values(SECRETS), ...stored.list(), ...pushKeys.list(), ...flowSecrets.filter((value) => value.length >= 8), VAULT_PASSPHRASE, BACKUP_PASSPHRASE, WRONG_PASSPHRASE, sim.okta.apiToken, ...sim.okta.users.map((user) => user.password)]),
    ];
    expect(stored.list().length).toBeGreaterThan(4);
    expect(pushKeys.size).toBeGreaterThan(0);
    const codes = codesOf(accountSecrets);

    const leaks: string[] = [];
    for (const { where, text, shows } of outputs) {
      // `scan` exists to show what a QR code says, so its own code's text (with the secret) is expected there.
      const allowed = shows === 'qr-text' ? [SECRETS.scanned] : [];
      for (const secret of forbidden) {
        if (!allowed.includes(secret) && (text.includes(secret) || text.includes(secret.toLowerCase()))) leaks.push(`${where}: a secret (${secret.length} chars)`);
      }
      if (shows === 'code') continue;
      for (const code of codes) if (new RegExp(`(^|\\D)${code}(\\D|$)`).test(text)) leaks.push(`${where}: the code ${code}`);
    }
    expect(leaks).toEqual([]);
    const shownCodes = outputs.filter((output) => output.shows === 'code').map((output) => output.text.trim());
    expect(shownCodes).toEqual([codeForStep({ type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, secret: SECRETS.cli }, timeStep(AT_SECONDS * 1000, 30))]);
  });
});
