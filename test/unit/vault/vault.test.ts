import { readFileSync, statSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import type { AtomicWriteFs } from '../../../electron/core/vault/atomic-write';
import { describe, expect, it } from 'vitest';
import { Vault, VAULT_FILE, type KeySource } from '../../../electron/core/vault/vault';
import { expectAppError } from '../../support/expect-app-error';
import { MemoryKeyStore } from './fixtures/memory-key-store';
import { tempHomeSync } from '../../support/temp-home';
import { TEST_SCRYPT } from './fixtures/test-scrypt';

const passphrase = (text: string): KeySource => ({ kind: 'passphrase', passphrase: text });

async function newVault(keySource: KeySource = passphrase('correct horse')) {
  const home = join(tempHomeSync('vault'), 'Traykey');
  const vault = await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
  return { home, vault, file: join(home, VAULT_FILE) };
}

/** A disk whose renames fail (EIO) while `failing` is set: the save's last step, after the file is written. */
function renameFailingFs() {
  const disk: { failing: boolean; fs: AtomicWriteFs } = {
    failing: false,
    fs: {
      open: fsp.open,
      link: fsp.link,
      unlink: fsp.unlink,
      copyFile: fsp.copyFile,
      rename: async (from, to) => {
        if (disk.failing) throw Object.assign(new Error('EIO'), { code: 'EIO' });
        return fsp.rename(from, to);
      },
    },
  };
  return disk;
}

describe('Vault', () => {
  it('creates the data folder (0700) and an empty vault file (0600) when there is none', async () => {
    const { home, vault, file } = await newVault();
    expect(vault.path).toBe(file);
    expect(vault.read()).toEqual({});
    expect(statSync(home).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('round-trips a document in passphrase mode and keeps the plaintext off the disk', async () => {
    const { home, vault, file } = await newVault();
    await vault.update((doc) => {
      doc.accounts = [{ id: 'a1', issuer: 'Okta', secret: 'JBSWY3DPEHPK3PXP' }];
    });
    vault.close();
    expect(readFileSync(file).includes('JBSWY3DPEHPK3PXP')).toBe(false);
    const again = await Vault.open({ home, keySource: passphrase('correct horse') });
    expect(again.read()).toEqual({ accounts: [{ id: 'a1', issuer: 'Okta', secret: 'JBSWY3DPEHPK3PXP' }] });
  });

  it('round-trips a document in keychain mode with a random key stored under service "Traykey"', async () => {
    const store = new MemoryKeyStore();
    const { home, vault } = await newVault({ kind: 'keychain', store });
    await vault.update((doc) => {
      doc.connections = { okta: 'https://example.okta.com' };
    });
    const [entry] = [...store.entries.entries()];
    expect(entry?.[0]).toMatch(/^Traykey\/vault-[0-9a-f]{32}$/);
    expect(Buffer.from(entry?.[1] ?? '', 'base64')).toHaveLength(32);
    const again = await Vault.open({ home, keySource: { kind: 'keychain', store } });
    expect(again.read()).toEqual({ connections: { okta: 'https://example.okta.com' } });
  });

  it('refuses a wrong passphrase with WRONG_PASSPHRASE', async () => {
    const { home } = await newVault();
    const error = await expectAppError(() => Vault.open({ home, keySource: passphrase('wrong horse') }), 'WRONG_PASSPHRASE');
    expect(error.message).not.toContain('wrong horse');
  });

  it('records the default scrypt cost in the header of a new passphrase vault', async () => {
    const home = join(tempHomeSync('vault'), 'Traykey');
    await Vault.open({ home, keySource: passphrase('pw') });
    const header = readFileSync(join(home, VAULT_FILE));
    expect([2 ** header.readUInt8(11), header.readUInt32BE(12), header.readUInt32BE(16)]).toEqual([2 ** 17, 8, 1]);
  });

  it('says which mode a vault needs when opened with the other kind of key', async () => {
    const { home } = await newVault();
    const error = await expectAppError(() => Vault.open({ home, keySource: { kind: 'keychain', store: new MemoryKeyStore() } }), 'VAULT_LOCKED');
    expect(error.message).toContain('TRAYKEY_PASSPHRASE');
  });

  it('reports a keychain without the vault key as VAULT_LOCKED, naming the entry', async () => {
    const { home } = await newVault({ kind: 'keychain', store: new MemoryKeyStore() });
    const error = await expectAppError(() => Vault.open({ home, keySource: { kind: 'keychain', store: new MemoryKeyStore() } }), 'VAULT_LOCKED');
    expect(error.message).toMatch(/"Traykey" \/ "vault-[0-9a-f]{32}"/);
  });

  it('writes no vault file when the keychain refuses the new key', async () => {
    const store = new MemoryKeyStore();
    store.failSet = true;
    const home = join(tempHomeSync('vault'), 'Traykey');
    await expect(Vault.open({ home, keySource: { kind: 'keychain', store } })).rejects.toThrow('set refused');
    expect(existsSync(join(home, VAULT_FILE))).toBe(false);
  });

  it('keeps the previous good copy as vault.tkv.bak', async () => {
    const { home, vault, file } = await newVault();
    await vault.update((doc) => void (doc.n = 1));
    const first = readFileSync(file);
    await vault.update((doc) => void (doc.n = 2));
    expect(readFileSync(`${file}.bak`).equals(first)).toBe(true);
    writeFileSync(file, readFileSync(`${file}.bak`));
    expect((await Vault.open({ home, keySource: passphrase('correct horse') })).read()).toEqual({ n: 1 });
  });

  it('leaves the document and the file unchanged when mutate throws', async () => {
    const { vault, file } = await newVault();
    await vault.update((doc) => void (doc.n = 1));
    const before = readFileSync(file);
    await expect(vault.update((doc) => {
      doc.n = 2;
      throw new Error('validation failed');
    })).rejects.toThrow('validation failed');
    expect(vault.read()).toEqual({ n: 1 });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('hands out copies: changing what read() returned changes nothing', async () => {
    const { vault } = await newVault();
    await vault.update((doc) => void (doc.list = [1]));
    (vault.read().list as number[]).push(2);
    expect(vault.read()).toEqual({ list: [1] });
  });

  it('runs concurrent updates of one instance one after the other, losing none', async () => {
    const { vault } = await newVault();
    await Promise.all(Array.from({ length: 20 }, () => vault.update((doc) => void (doc.count = ((doc.count as number) ?? 0) + 1))));
    expect(vault.read().count).toBe(20);
  });

  it('sees another instance’s save through refreshIfChanged, and update starts from it', async () => {
    const { home, vault: app } = await newVault();
    const cli = await Vault.open({ home, keySource: passphrase('correct horse'), unsafeTestScrypt: TEST_SCRYPT });
    expect(await app.refreshIfChanged()).toBe(false);
    await cli.update((doc) => void (doc.fromCli = true));
    expect(await app.refreshIfChanged()).toBe(true);
    expect(app.read()).toEqual({ fromCli: true });
    await cli.update((doc) => void (doc.again = true));
    await app.update((doc) => void (doc.fromApp = true));
    expect((await Vault.open({ home, keySource: passphrase('correct horse') })).read()).toEqual({ fromCli: true, again: true, fromApp: true });
  });

  it('raises a weaker key-derivation cost on the next save, and another open instance follows without a new unlock', async () => {
    const { home, vault: app, file } = await newVault();
    const stronger = { ...TEST_SCRYPT, N: TEST_SCRYPT.N * 2 };
    const cli = await Vault.open({ home, keySource: passphrase('correct horse'), unsafeTestScrypt: stronger });
    const before = readFileSync(file);
    await cli.update((doc) => void (doc.fromCli = true));
    const after = readFileSync(file);
    expect(2 ** after.readUInt8(11)).toBe(stronger.N);
    expect(after.subarray(20, 36).equals(before.subarray(20, 36))).toBe(false);
    await app.update((doc) => void (doc.fromApp = true));
    expect((await Vault.open({ home, keySource: passphrase('correct horse') })).read()).toEqual({ fromCli: true, fromApp: true });
  });

  it('answers VAULT_BUSY, naming the lock file, while another live process holds the lock', async () => {
    const { home, file } = await newVault();
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.ppid, host: (await import('node:os')).hostname(), time: Date.now(), token: 'other' }));
    const vault = await Vault.open({ home, keySource: passphrase('correct horse'), lockTimeoutMs: 50 });
    const error = await expectAppError(() => vault.update((doc) => void (doc.x = 1)), 'VAULT_BUSY');
    expect(error.message).toContain(`${file}.lock`);
    expect(vault.read()).toEqual({});
  });

  it('forgets the key on close and refuses further use', async () => {
    const { vault } = await newVault();
    vault.close();
    await expectAppError(() => vault.read(), 'VAULT_LOCKED');
    await expectAppError(() => vault.update(() => undefined), 'VAULT_LOCKED');
  });

  it('leaves no temporary files behind after saves', async () => {
    const { home, vault } = await newVault();
    for (let i = 0; i < 3; i++) await vault.update((doc) => void (doc.i = i));
    expect(readdirSync(home).sort()).toEqual([VAULT_FILE, `${VAULT_FILE}.bak`, `${VAULT_FILE}.saves`]);
  });

  it('returns a copy of what mutate returned, so changing it later does not reach the vault', async () => {
    const { vault } = await newVault();
    const added = await vault.update((doc) => {
      const account = { id: 'a1', secret: 'JBSWY3DPEHPK3PXP' } as { id: string; secret?: string };
      doc.accounts = [account];
      return account;
    });
    delete added.secret;
    await vault.update((doc) => void (doc.touched = true));
    expect(vault.read()).toEqual({ accounts: [{ id: 'a1', secret: 'JBSWY3DPEHPK3PXP' }], touched: true });
  });

  it('forgets a change whose save failed: the next update starts from the saved document', async () => {
    const home = join(tempHomeSync('vault'), 'Traykey');
    const disk = renameFailingFs();
    const vault = await Vault.open({ home, keySource: passphrase('pw'), unsafeTestScrypt: TEST_SCRYPT, writeFs: disk.fs });
    await vault.update((doc) => void (doc.kept = 1));
    disk.failing = true;
    const error = await expectAppError(() => vault.update((doc) => void (doc.lost = 1)), 'VAULT_IO');
    expect(error.message).toContain('error EIO');
    disk.failing = false;
    await vault.update((doc) => void (doc.next = 1));
    expect(vault.read()).toEqual({ kept: 1, next: 1 });
  });

  it('revision changes when a save by another process is taken in, so what was derived from the older document is not saved over it', async () => {
    const { home, vault } = await newVault();
    await vault.update((doc) => void (doc.kept = 1));
    const other = await Vault.open({ home, keySource: passphrase('correct horse'), unsafeTestScrypt: TEST_SCRYPT });
    const before = vault.revision();
    await other.update((doc) => void (doc.fromOther = 1));
    const seen: { revision: number; doc: unknown }[] = [];
    await vault.update((doc) => void seen.push({ revision: vault.revision(), doc: structuredClone(doc) }));
    expect(seen[0]?.doc).toEqual({ kept: 1, fromOther: 1 });
    expect(seen[0]?.revision).not.toBe(before);
    const refreshed = vault.revision();
    await other.update((doc) => void (doc.again = 1));
    expect(await vault.refreshIfChanged()).toBe(true);
    expect(vault.revision()).not.toBe(refreshed);
  });

  it('whileWriting: the new document reads back while its file is written, and the saved one again when that write fails', async () => {
    const home = join(tempHomeSync('vault'), 'Traykey');
    const disk = renameFailingFs();
    const vault = await Vault.open({ home, keySource: passphrase('pw'), unsafeTestScrypt: TEST_SCRYPT, writeFs: disk.fs });
    await vault.update((doc) => void (doc.kept = 1));
    const seen: unknown[] = [];
    await vault.update((doc) => void (doc.merged = 1), { whileWriting: () => seen.push(vault.read()) });
    expect(seen).toEqual([{ kept: 1, merged: 1 }]);
    const saved = vault.revision();
    disk.failing = true;
    await expectAppError(() => vault.update((doc) => void (doc.lost = 1), { whileWriting: () => seen.push(vault.read()) }), 'VAULT_IO');
    expect(seen[1]).toEqual({ kept: 1, merged: 1, lost: 1 });
    expect(vault.read()).toEqual({ kept: 1, merged: 1 });
    // Whoever kept what it derived from the unsaved document can tell it is gone.
    expect(vault.revision()).not.toBe(saved);
    disk.failing = false;
    await vault.update((doc) => void (doc.next = 1));
    expect(vault.read()).toEqual({ kept: 1, merged: 1, next: 1 });
  });
});
