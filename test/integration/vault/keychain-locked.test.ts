import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { suiteTempHome } from '../../support/temp-home';

const ROOT = resolve(import.meta.dirname, '../../..');
const CHILD = join(import.meta.dirname, 'fixtures/locked-keyring-child.ts');

interface Outcome {
  ok: boolean;
  code?: string;
  message?: string;
  typed?: boolean;
  ms?: number;
}
interface Report {
  locked: boolean;
  reopen: Outcome;
  unlock: Outcome;
  sessionOpen: boolean;
  create: Outcome;
  fileUnchanged: boolean;
  freshVaultWritten: boolean;
}

/*
 * A keychain whose login collection is locked (the state after the user locks it, or before they
 * logged in graphically): gnome-keyring refuses to read or write and its unlock prompt cannot appear.
 * The child runs in a private dbus session and keyring, so locking it cannot touch other tests.
 */
const folder = suiteTempHome('locked-xdg');
let xdg: string;
let report: Report;
beforeAll(async () => {
  xdg = folder();
  const script = `echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec node --import tsx ${JSON.stringify(CHILD)}`;
  const stdout = await new Promise<string>((done, fail) => {
    execFile('dbus-run-session', ['--', 'sh', '-c', script], { cwd: ROOT, env: { ...process.env, XDG_DATA_HOME: xdg, HOME: xdg }, timeout: 60_000 }, (error, out, err) => {
      if (error) fail(new Error(`the locked-keyring child failed: ${err.split('\n').filter((line) => !/fd limit|dbus-daemon|Gtk-WARNING|^\s*$/.test(line)).join(' | ')}`));
      else done(out);
    });
  });
  report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Report;
}, 90_000);

describe('a keychain-mode vault while the keychain is locked', () => {
  it('the keyring really is locked for the scenario', () => {
    expect(report.locked).toBe(true);
  });

  it('refuses to open with a typed error that mentions the lock, quickly, and leaves the vault file untouched', () => {
    expect(report.reopen).toMatchObject({ ok: false, typed: true, code: expect.stringMatching(/^(VAULT_LOCKED|KEYCHAIN_UNAVAILABLE)$/) });
    expect(report.reopen.message).toMatch(/locked/);
    expect(report.reopen.ms).toBeLessThan(10_000);
    expect(report.fileUnchanged).toBe(true);
  });

  it('keeps a locked app locked: unlocking fails typed and the session stays closed', () => {
    expect(report.unlock).toMatchObject({ ok: false, typed: true });
    expect(report.sessionOpen).toBe(false);
  });

  it('refuses to create a new vault, writing no file, rather than fall back to anything weaker', () => {
    expect(report.create).toMatchObject({ ok: false, typed: true, code: 'KEYCHAIN_UNAVAILABLE' });
    expect(report.freshVaultWritten).toBe(false);
  });
});
