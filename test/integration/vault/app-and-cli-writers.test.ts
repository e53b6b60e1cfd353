import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesToBase32 } from '../../../electron/core/otp/base32';
import { createCore, type Core } from '../../../electron/core/app-core';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import { Vault } from '../../../electron/core/vault/vault';
import { suiteTempHome } from '../../support/temp-home';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const PASSPHRASE = 'app and cli passphrase';
const SCRYPT = { N: 1024, r: 8, p: 1 };
const CLI_WRITERS = 3;
const MAX_APP_ADDS = 400;

const secretFor = (name: string) => bytesToBase32(Buffer.from(name.padEnd(10, '.')));

function cliAdd(home: string, label: string): Promise<{ code: number; stderr: string }> {
  return new Promise((done) => {
    const uri = `otpauth://totp/CLI:${label}?secret=${secretFor(label)}&issuer=CLI`;
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TRAYKEY_HOME: home, TRAYKEY_PASSPHRASE: PASSPHRASE };
    execFile(TSX, ['electron/cli/main.ts', 'add', uri], { cwd: ROOT, env, timeout: 60_000 }, (error, _stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr });
    });
  });
}

/*
 * The tray app (a core over the vault) and the `traykey` CLI in other processes add accounts at the
 * same moment. The vault's lock file serialises them; each writer reloads the latest file under the
 * lock, so nothing either side saved is lost.
 */
describe('the app and the CLI writing the same vault at once', { timeout: 120_000 }, () => {
  const folder = suiteTempHome('app-cli');
  let home: string;
  let core: Core;
  beforeAll(async () => {
    home = folder();
    const vault = await Vault.open({ home, keySource: { kind: 'passphrase', passphrase: PASSPHRASE }, unsafeTestScrypt: SCRYPT });
    core = createCore({ vault, home, watchVault: false });
  });
  afterAll(async () => {
    core.close();
  });

  it('keeps every account both sides added', async () => {
    const cliLabels = Array.from({ length: CLI_WRITERS }, (_, i) => `cli-${i}`);
    let cliDone = false;
    const cliRuns = Promise.all(cliLabels.map((label) => cliAdd(home, label))).finally(() => (cliDone = true));

    const appLabels: string[] = [];
    // The app keeps adding for as long as the CLI processes run, so their saves land between the app's.
    while (!cliDone && appLabels.length < MAX_APP_ADDS) {
      const label = `app-${appLabels.length}`;
      const result = await dispatch(core.handlers, 'accounts:add', { issuer: 'App', label, secret: secretFor(label) });
      expect(result).toMatchObject({ ok: true });
      appLabels.push(label);
    }
    const runs = await cliRuns;
    expect(runs.map((run) => run.code)).toEqual(cliLabels.map(() => 0));
    expect(appLabels.length).toBeGreaterThan(0);

    const reopened = await Vault.open({ home, keySource: { kind: 'passphrase', passphrase: PASSPHRASE } });
    const labels = ((reopened.read().accounts ?? []) as { label: string }[]).map((account) => account.label);
    reopened.close();
    expect(labels.sort()).toEqual([...appLabels, ...cliLabels].sort());

    // The app sees the CLI's accounts too, once it refreshes from disk.
    await core.session.vault.refreshIfChanged();
    const listed = await dispatch(core.handlers, 'accounts:list', {});
    expect(listed.ok && (listed.value as unknown[]).length).toBe(appLabels.length + CLI_WRITERS);
  });
});
