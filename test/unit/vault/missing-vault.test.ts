import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { Vault, VAULT_FILE, type KeySource } from '../../../electron/core/vault/vault';
import { acquireRunLock, runLockDir } from '../../../electron/core/admin/run-lock';
import { expectAppError } from '../../support/expect-app-error';
import { MemoryKeyStore } from './fixtures/memory-key-store';
import { tempHomeSync } from '../../support/temp-home';
import { TEST_SCRYPT } from './fixtures/test-scrypt';

const keySource: KeySource = { kind: 'passphrase', passphrase: 'correct horse battery staple' };
const account = (id: string) => ({ id, issuer: 'Okta', label: `${id}@example.com`, secret: 'JBSWY3DPEHPK3PXP' });

/** A vault saved a few times, so that vault.tkv.bak holds the save before the last. */
async function usedVault(source: KeySource = keySource) {
  const home = join(tempHomeSync('vault'), 'Traykey');
  const vault = await Vault.open({ home, keySource: source, unsafeTestScrypt: TEST_SCRYPT });
  await vault.update((doc) => void (doc.accounts = [account('a')]));
  await vault.update((doc) => void (doc.accounts = [account('a'), account('b')]));
  vault.close();
  const file = join(home, VAULT_FILE);
  return { home, file, backup: `${file}.bak` };
}

async function cli(home: string, args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text), env: { TRAYKEY_HOME: home } };
  const code = await main(args, io, { openVault: () => Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT }) });
  return { code, stdout, stderr };
}

describe('a data folder whose vault is gone', () => {
  it('refuses to start an empty vault beside the backup, in one sentence naming the backup and how to restore it', async () => {
    const { home, file, backup } = await usedVault();
    renameSync(file, join(home, '..', 'moved-away.tkv'));
    const before = readFileSync(backup);
    const error = await expectAppError(() => Vault.open({ home, keySource }), 'VAULT_MISSING');
    expect(error.message).toContain(backup);
    expect(error.message).toContain(`copy ${backup} to ${file}`);
    expect(error.message.split(/\.\s/)).toHaveLength(1);
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(backup).equals(before)).toBe(true);
  });

  it('makes `traykey list` and `traykey add` exit 1 without creating a vault or touching the backup', async () => {
    const { home, file, backup } = await usedVault();
    renameSync(file, join(home, '..', 'moved-away.tkv'));
    const before = readFileSync(backup);
    const listed = await cli(home, ['list']);
    expect(listed.code).toBe(1);
    expect(listed.stdout).toBe('');
    expect(listed.stderr).toContain(backup);
    const added = await cli(home, ['add', 'otpauth://totp/Example:new@example.com?secret=JBSWY3DPEHPK3PXP']);
    expect(added.code).toBe(1);
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(backup).equals(before)).toBe(true);
  });

  it('opens again once the backup is copied back as the sentence says', async () => {
    const { home, file, backup } = await usedVault();
    renameSync(file, join(home, '..', 'moved-away.tkv'));
    copyFileSync(backup, file);
    const vault = await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
    expect(vault.read()).toEqual({ accounts: [account('a')] });
  });

  it('refuses too when only a lock file left by a dead process shows a vault was there', async () => {
    const home = join(tempHomeSync('vault'), 'Traykey');
    await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
    const file = join(home, VAULT_FILE);
    renameSync(file, join(home, '..', 'moved-away.tkv'));
    rmSync(`${file}.saves`);
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: 2 ** 22 + 17, host: 'elsewhere', time: 0, token: 'dead' }));
    const error = await expectAppError(() => Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT }), 'VAULT_MISSING');
    expect(error.message).toContain(`${file}.lock`);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses too when only the admin runs’ lock folder shows the vault was used', async () => {
    const home = join(tempHomeSync('vault'), 'Traykey');
    await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
    const file = join(home, VAULT_FILE);
    const lock = await acquireRunLock(runLockDir(home), 'okta-acme', 'enrol');
    await lock.release();
    renameSync(file, join(home, '..', 'moved-away.tkv'));
    rmSync(`${file}.saves`);
    const error = await expectAppError(() => Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT }), 'VAULT_MISSING');
    expect(error.message).toContain(join(home, 'admin-locks'));
    expect(existsSync(file)).toBe(false);
  });

  it('still starts an empty vault in a folder Traykey never used', async () => {
    const home = join(tempHomeSync('vault'), 'Traykey');
    writeFileSync(join(tempHomeSync('vault'), 'unrelated'), 'x');
    const vault = await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
    expect(vault.read()).toEqual({});
  });
});

describe('the backup copy', () => {
  it('follows the vault through ordinary saves, deletions included', async () => {
    const { home, backup } = await usedVault();
    const vault = await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
    await vault.update((doc) => void (doc.accounts = [account('a')]));
    await vault.update((doc) => void (doc.accounts = []));
    const restoredHome = join(tempHomeSync('vault'), 'restored');
    mkdirSync(restoredHome);
    copyFileSync(backup, join(restoredHome, VAULT_FILE));
    expect((await Vault.open({ home: restoredHome, keySource, unsafeTestScrypt: TEST_SCRYPT })).read()).toEqual({ accounts: [account('a')] });
    expect(vault.takeNotices()).toEqual([]);
  });

  it('is not replaced by a different vault put in the vault’s place, until the person says so', async () => {
    const store = new MemoryKeyStore();
    const source: KeySource = { kind: 'keychain', store };
    const { home, file, backup } = await usedVault(source);
    const otherHome = join(tempHomeSync('vault'), 'Other');
    await Vault.open({ home: otherHome, keySource: source }).then((v) => v.close());
    copyFileSync(join(otherHome, VAULT_FILE), file);
    const goodBackup = readFileSync(backup);

    const vault = await Vault.open({ home, keySource: source });
    await vault.update((doc) => void (doc.accounts = [account('new')]));
    expect(readFileSync(backup).equals(goodBackup)).toBe(true);
    const [notice] = vault.takeNotices();
    expect(notice).toContain('different vault');
    expect(notice).toContain('traykey vault replace-backup');

    await vault.replaceBackup();
    expect(readFileSync(backup).equals(goodBackup)).toBe(false);
  });

  it('is not replaced by an older copy of the same vault holding fewer accounts', async () => {
    const home = join(tempHomeSync('vault'), 'Traykey');
    const vault = await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
    await vault.update((doc) => void (doc.accounts = [account('a')]));
    const file = join(home, VAULT_FILE);
    const older = readFileSync(file);
    await vault.update((doc) => void (doc.accounts = [account('a'), account('b')]));
    await vault.update((doc) => void (doc.accounts = [account('a'), account('b'), account('c')]));
    vault.close();
    writeFileSync(file, older);
    // Without the save record (see rollback.test.ts), so that the backup rule alone stands between them.
    rmSync(`${file}.saves`);
    const goodBackup = readFileSync(`${file}.bak`);

    const reopened = await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
    await reopened.update((doc) => void (doc.note = 'edited'));
    expect(readFileSync(`${file}.bak`).equals(goodBackup)).toBe(true);
    expect(reopened.takeNotices()[0]).toContain('holds 2 accounts and the vault it would be replaced by only 1');
  });
});
