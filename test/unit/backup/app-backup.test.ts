import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { AccountsService } from '../../../electron/core/accounts/accounts-service';
import { keepRecoveryCode } from '../../../electron/core/accounts/recovery-code';
import { ImportSession } from '../../../electron/core/backup/import-session';
import { importBackup } from '../../../electron/core/backup/import-backup';
import { exportForOtherApp } from '../../../electron/core/backup/other-app-export';
import { backupHandlers } from '../../../electron/core/handlers/backup';
import type { CoreContext } from '../../../electron/core/handlers/core-context';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import { appError } from '../../../shared/errors';
import type { Handlers } from '../../../shared/ipc';
import { expectAppError } from '../../support/expect-app-error';
import { FakeFileDialogs } from '../../support/fake-file-dialogs';
import { tempHome } from '../../support/temp-home';
import { MemoryVault } from '../accounts/memory-vault';
import { aegisEncrypted, aegisEntry } from './fixtures/foreign-encoders';
import { SAMPLE_ACCOUNTS } from './fixtures/accounts';

const NOW = Date.UTC(2026, 11, 3, 12);
const PASSPHRASE = 'correct horse battery staple';
const RECOVERY = 'Q7XK2M9PLW4RT8VN3BHC6YDF';

/** The app's backup handlers over an in-memory vault, with dialogs a test answers. */
async function appWith(accountsToAdd = SAMPLE_ACCOUNTS) {
  const vault = new MemoryVault();
  let n = 0;
  const accounts = new AccountsService(vault, { now: () => NOW, newId: () => `id-${++n}` });
  for (const account of accountsToAdd) await accounts.insert(account);
  const dialogs = new FakeFileDialogs();
  const imports = new ImportSession();
  const context = { accounts, imports, dialogs, clock: { now: () => NOW } } as unknown as CoreContext;
  const handlers = backupHandlers(context) as Handlers;
  const call = async <T>(channel: keyof Handlers, payload: unknown): Promise<T> => {
    const result = await dispatch(handlers, channel, payload);
    if (!result.ok) throw appError(result.error.code, result.error.message, result.error.field ? { field: result.error.field } : {});
    return result.value as T;
  };
  return { vault, accounts, dialogs, imports, call };
}

describe('backups, imports and exports in the app (the IPC handlers)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempHome('app-backup');
  });

  it('exports an encrypted backup where the save dialog says, owner-only, that another vault imports with its recovery code', async () => {
    const app = await appWith();
    await app.vault.update((doc) => keepRecoveryCode(doc, 'id-1', RECOVERY));
    app.dialogs.nextSave = join(dir, 'b.backup');
    expect(await app.call('backup:export', { passphrase: PASSPHRASE })).toEqual({ saved: true, count: 5, file: join(dir, 'b.backup') });
    expect(app.dialogs.shown).toEqual([{ kind: 'save', title: 'Save the encrypted backup', defaultName: 'traykey-2026-12-03.backup' }]);
    expect((await stat(join(dir, 'b.backup'))).mode & 0o777).toBe(0o600);
    const text = await readFile(join(dir, 'b.backup'), 'utf8');
    expect(text).not.toContain(RECOVERY);

    const other = await appWith([]);
    other.dialogs.nextOpen = join(dir, 'b.backup');
    expect(await other.call('backup:openImport', { kind: 'picker' })).toEqual({ opened: true, name: 'b.backup', format: 'traykey', encrypted: true });
    const preview = await other.call<{ entries: { status: string }[] }>('backup:previewImport', { passphrase: PASSPHRASE });
    expect(preview.entries.map((entry) => entry.status)).toEqual(['new', 'new', 'new', 'new', 'new']);
    expect(JSON.stringify(preview)).not.toContain(SAMPLE_ACCOUNTS[0]!.secret);
    expect(await other.call('backup:saveImport', { chosen: [0, 1, 2, 3, 4] })).toEqual({ added: 5, replaced: 0, skipped: [] });
    expect(other.accounts.recoveryCode(other.accounts.list()[0]!.id)).toBe(RECOVERY);
  });

  it('refuses a weak passphrase before asking where to save, and writes nothing when the dialog is cancelled', async () => {
    const app = await appWith();
    await expectAppError(() => app.call('backup:export', { passphrase: 'password1' }), 'INVALID_INPUT');
    expect(app.dialogs.shown).toEqual([]);
    expect(await app.call('backup:export', { passphrase: PASSPHRASE })).toEqual({ saved: false });
    expect(await app.call('backup:exportForApp', { format: 'uris' })).toEqual({ saved: false });
  });

  it('previews a dropped encrypted Aegis export against the stored accounts and saves only the chosen ones', async () => {
    const app = await appWith(SAMPLE_ACCOUNTS.slice(0, 2));
    const file = aegisEncrypted([
      aegisEntry({ type: 'totp', name: 'carol', issuer: 'New', info: { secret: 'ONSWG4TFOQ', algo: 'SHA1', digits: 6, period: 30 } }),
      aegisEntry({ type: 'totp', name: 'renamed', issuer: 'Other', info: { secret: SAMPLE_ACCOUNTS[0]!.secret, algo: 'SHA1', digits: 6, period: 30 } }),
      aegisEntry({ type: 'totp', name: 'alice', issuer: 'Bank', info: { secret: 'KRSXG5CTMVRXEZLU', algo: 'SHA1', digits: 6, period: 30 } }),
      aegisEntry({ type: 'totp', name: 'carol', issuer: 'NEW', info: { secret: 'MFRGGZDFMZTWQ2LK', algo: 'SHA1', digits: 6, period: 30 } }),
      aegisEntry({ type: 'yandex', name: 'y', issuer: 'Yandex', info: { secret: 'ONSWG4TFOQ' } }),
    ], 'aegis password');
    const data = Buffer.from(file, 'utf8').toString('base64');
    expect(await app.call('backup:openImport', { kind: 'dropped', name: 'aegis.json', data })).toEqual({ opened: true, name: 'aegis.json', format: 'aegis', encrypted: true });
    await expectAppError(() => app.call('backup:previewImport', {}), 'INVALID_INPUT');
    await expectAppError(() => app.call('backup:previewImport', { passphrase: 'wrong one' }), 'WRONG_PASSPHRASE');
    const preview = await app.call('backup:previewImport', { passphrase: 'aegis password' });
    expect(preview).toEqual({
      name: 'aegis.json',
      format: 'aegis',
      entries: [
        { index: 0, issuer: 'New', label: 'carol', type: 'totp', status: 'new' },
        { index: 1, issuer: 'Other', label: 'renamed', type: 'totp', status: 'duplicate', existing: 'GitHub (alice@example.com)' },
        { index: 2, issuer: 'Bank', label: 'alice', type: 'totp', status: 'changed-secret', existing: 'Bank (alice)' },
        { index: 3, issuer: 'NEW', label: 'carol', type: 'totp', status: 'repeat' },
      ],
      problems: [{ where: 'Entry 5 (Yandex: y)', reason: 'its type "yandex" is not supported (only TOTP, HOTP and Steam are)' }],
    });
    expect(await app.call('backup:saveImport', { chosen: [0, 2] })).toEqual({ added: 1, replaced: 1, skipped: [] });
    expect(app.accounts.list().map((a) => `${a.issuer}/${a.label}`)).toEqual(['GitHub/alice@example.com', 'Bank/alice', 'New/carol']);
    expect(app.accounts.reveal(app.accounts.list()[1]!.id).secret).toBe('KRSXG5CTMVRXEZLU');
    await expectAppError(() => app.call('backup:previewImport', {}), 'NOT_FOUND');
  });

  it('says what is wrong with a file it does not recognise and keeps nothing of it', async () => {
    const app = await appWith([]);
    const data = Buffer.from('just some notes\n').toString('base64');
    const error = await expectAppError(() => app.call('backup:openImport', { kind: 'dropped', name: 'notes.txt', data }), 'INVALID_INPUT');
    expect(error.message).toMatch(/not a backup Traykey recognises/);
    await expectAppError(() => app.call('backup:previewImport', {}), 'NOT_FOUND');
  });

  it('refuses a dropped file over the size limit in the contract, before it reaches the handler', async () => {
    const app = await appWith([]);
    const data = 'A'.repeat(Math.ceil((10 * 1024 * 1024) / 3) * 4 + 4);
    await expectAppError(() => app.call('backup:openImport', { kind: 'dropped', name: 'big.json', data }), 'INVALID_INPUT');
  });

  it('forgets the opened file when asked, so nothing read from it can be saved later', async () => {
    const app = await appWith([]);
    await writeFile(join(dir, 'l.txt'), 'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP\n');
    app.dialogs.nextOpen = join(dir, 'l.txt');
    await app.call('backup:openImport', { kind: 'picker' });
    await app.call('backup:previewImport', {});
    await app.call('backup:discardImport', {});
    await expectAppError(() => app.call('backup:saveImport', { chosen: [0] }), 'NOT_FOUND');
    expect(app.accounts.list()).toEqual([]);
  });

  it.each(['uris', 'aegis'] as const)('exports every account in clear as %s, owner-only, and Traykey reads the file back unchanged', async (format) => {
    const app = await appWith();
    app.dialogs.nextSave = join(dir, `out.${format}`);
    expect(await app.call('backup:exportForApp', { format })).toEqual({ saved: true, count: 5, file: join(dir, `out.${format}`) });
    expect((await stat(join(dir, `out.${format}`))).mode & 0o777).toBe(0o600);
    const back = await importBackup(await readFile(join(dir, `out.${format}`)));
    expect(back).toMatchObject({ format, encrypted: false, problems: [] });
    expect(back.accounts).toEqual(SAMPLE_ACCOUNTS);
  });

  it('the Aegis export has the shape Aegis writes: version 1, a plain header, db version 3 with entries and groups', async () => {
    const app = await appWith(SAMPLE_ACCOUNTS.slice(2, 3));
    const doc = JSON.parse(Buffer.from(exportForOtherApp(app.accounts, 'aegis').bytes).toString('utf8')) as Record<string, unknown>;
    expect(doc).toEqual({
      version: 1,
      header: { slots: null, params: null },
      db: { version: 3, groups: [], entries: [{ type: 'hotp', uuid: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'ops', issuer: 'VPN', note: '', favorite: false, icon: null, groups: [], info: { secret: 'MFRGGZDFMZTWQ2LK', algo: 'SHA256', digits: 6, period: 30, counter: 42 } }] },
    });
  });
});
