import { chmodSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Vault, VAULT_FILE, type KeySource } from '../../../electron/core/vault/vault';
import { diskFullAfter } from '../../unit/vault/fixtures/disk-full';
import { expectAppError } from '../../support/expect-app-error';
import { tempHomeSync } from '../../support/temp-home';
import { TEST_SCRYPT } from '../../unit/vault/fixtures/test-scrypt';
import { runChild } from './fixtures/run-child';
import { mountTmpfs, remountReadOnly, unmount } from './fixtures/tmpfs';

const keySource: KeySource = { kind: 'passphrase', passphrase: 'pw' };
const accounts = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `id-${i}`, issuer: 'Example', label: `user${i}@example.com`, secret: 'JBSWY3DPEHPK3PXP' }));

describe('the vault on a hostile file system', () => {
  it('opens and reads in a read-only folder, and refuses to save with VAULT_IO, leaving the file intact', async () => {
    const home = join(tempHomeSync('vault'), 'Traykey');
    mkdirSync(home);
    const mounted = mountTmpfs(home, 1 << 20);
    try {
      const writer = await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
      await writer.update((doc) => void (doc.accounts = accounts(2)));
      const before = readFileSync(join(home, VAULT_FILE));
      // Root ignores permission bits, so as root the folder is made read-only by remounting its tmpfs.
      if (mounted) remountReadOnly(home);
      else chmodSync(home, 0o500);
      const vault = await Vault.open({ home, keySource });
      expect(vault.read()).toEqual({ accounts: accounts(2) });
      const error = await expectAppError(() => vault.update((doc) => void (doc.more = 1)), 'VAULT_IO');
      expect(error.message).toMatch(/read-only file system|permission denied/);
      expect(error.message).toContain(home);
      expect(readFileSync(join(home, VAULT_FILE)).equals(before)).toBe(true);
      expect(vault.read()).toEqual({ accounts: accounts(2) });
    } finally {
      if (mounted) unmount(home);
      else chmodSync(home, 0o700);
    }
  });

  it('keeps the old vault intact and reports VAULT_IO when the disk fills up during a save', async () => {
    const home = join(tempHomeSync('vault'), 'Traykey');
    mkdirSync(home);
    // A real full disk where possible: a 256 KiB tmpfs that a big save cannot fit into; else injected ENOSPC.
    const mounted = mountTmpfs(home, 256 * 1024);
    try {
      const vault = await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT, ...(mounted ? {} : { writeFs: diskFullAfter(64 * 1024) }) });
      const small = accounts(10);
      if (mounted) await vault.update((doc) => void (doc.accounts = small));
      else await Vault.open({ home, keySource }).then((v) => v.update((doc) => void (doc.accounts = small)));
      await vault.refreshIfChanged();
      const before = readFileSync(join(home, VAULT_FILE));
      const error = await expectAppError(() => vault.update((doc) => void (doc.accounts = accounts(3_000))), 'VAULT_IO');
      expect(error.message).toMatch(/disk is full/);
      expect(readFileSync(join(home, VAULT_FILE)).equals(before)).toBe(true);
      expect(readdirSync(home).filter((name) => ![VAULT_FILE, `${VAULT_FILE}.bak`, `${VAULT_FILE}.saves`].includes(name))).toEqual([]);
      expect(vault.read()).toEqual({ accounts: small });
      expect((await Vault.open({ home, keySource })).read()).toEqual({ accounts: small });
    } finally {
      if (mounted) unmount(home);
    }
  });

  it('loses no change when two processes update the same vault at the same time', async () => {
    const home = join(tempHomeSync('vault'), 'Traykey');
    await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
    const env = { ...process.env, TRAYKEY_PASSPHRASE: 'pw' };
    const runs = await Promise.all([runChild(['increment', home, '40', 'app'], env), runChild(['increment', home, '40', 'cli'], env)]);
    for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });
    const doc = (await Vault.open({ home, keySource })).read();
    expect(doc.counter).toBe(80);
    expect(Object.keys(doc.marks as object).sort()).toEqual([...Array.from({ length: 40 }, (_, i) => `app-${i}`), ...Array.from({ length: 40 }, (_, i) => `cli-${i}`)].sort());
    expect(readdirSync(home).sort()).toEqual([VAULT_FILE, `${VAULT_FILE}.bak`, `${VAULT_FILE}.saves`]);
  });

  it('is refused as VAULT_CORRUPT, never overwritten, when another process damages it while open', async () => {
    const home = join(tempHomeSync('vault'), 'Traykey');
    const vault = await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
    await vault.update((doc) => void (doc.accounts = accounts(3)));
    const file = join(home, VAULT_FILE);
    const bad = readFileSync(file).subarray(0, 200);
    writeFileSync(file, bad);
    await expectAppError(() => vault.refreshIfChanged(), 'VAULT_CORRUPT');
    await expectAppError(() => vault.update((doc) => void (doc.x = 1)), 'VAULT_CORRUPT');
    expect(readFileSync(file).equals(bad)).toBe(true);
  });
});
