import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { PushStore, restartReplayHistory } from '../../../electron/core/push/push-store';
import { judgeReplay } from '../../../electron/core/push/replay-guard';
import { isProblem, parseVaultFile } from '../../../electron/core/vault/format';
import { Vault, VAULT_FILE, type KeySource } from '../../../electron/core/vault/vault';
import { expectAppError } from '../../support/expect-app-error';
import { MemoryKeyStore } from './fixtures/memory-key-store';
import { TEST_SCRYPT, useTempDirs } from './fixtures/temp-home';

const tempDir = useTempDirs();
const NOW = 1_790_000_000_000;
const account = (id: string) => ({ id, issuer: 'Okta', label: `${id}@example.com`, secret: 'JBSWY3DPEHPK3PXP' });

const savesOf = (file: string): number => {
  const parsed = parseVaultFile(readFileSync(file));
  if (isProblem(parsed)) throw new Error(parsed.kind);
  return parsed.saves;
};

/** A vault saved four times (create, then a, b, c); `older` is the file as it was after the second save. */
async function vaultWithOlderCopy(keySource: KeySource) {
  const home = join(tempDir(), 'Traykey');
  const vault = await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
  const file = join(home, VAULT_FILE);
  await vault.update((doc) => void (doc.accounts = [account('a')]));
  const older = readFileSync(file);
  await vault.update((doc) => void (doc.accounts = [account('a'), account('b')]));
  await vault.update((doc) => void (doc.accounts = [account('a'), account('b'), account('c')]));
  vault.close();
  return { home, file, older, putBack: () => writeFileSync(file, older) };
}

const modes: Array<[string, () => KeySource, RegExp]> = [
  ['keychain', () => ({ kind: 'keychain', store: new MemoryKeyStore() }), /OS keychain \(entry "Traykey" \/ "vault-[0-9a-f]{32}-saves"\)/],
  ['passphrase', () => ({ kind: 'passphrase', passphrase: 'correct horse battery staple' }), /vault\.tkv\.saves/],
];

describe('an older copy of the vault put back in its place', () => {
  it.each(modes)('opens read-only in %s mode, with a warning naming which save is older than which', async (_mode, source, where) => {
    const keySource = source();
    const { home, file, older, putBack } = await vaultWithOlderCopy(keySource);
    putBack();
    const vault = await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
    expect(vault.read()).toEqual({ accounts: [account('a')] });
    expect(vault.warning).toMatch(/is an older copy: it is save 2 of this vault, but .* records save 4, so Traykey opened it read-only\.$/);
    expect(vault.warning).toMatch(where);
    const refused = await expectAppError(() => vault.update((doc) => void (doc.accounts = [])), 'VAULT_OLDER');
    expect(refused.message).toContain('traykey vault accept-older');
    expect(readFileSync(file).equals(older)).toBe(true);
  });

  it.each(modes)('is kept deliberately in %s mode: the counter jumps past the record and writes work again', async (_mode, source) => {
    const keySource = source();
    const { home, file, putBack } = await vaultWithOlderCopy(keySource);
    putBack();
    const vault = await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
    await vault.acceptOlderCopy();
    expect(savesOf(file)).toBe(5);
    expect(vault.warning).toBeUndefined();
    await vault.update((doc) => void (doc.accounts = [account('a'), account('z')]));
    vault.close();
    const again = await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
    expect(again.warning).toBeUndefined();
    expect(again.read()).toEqual({ accounts: [account('a'), account('z')] });
  });

  it('is noticed while open too: a file whose counter went backwards under a running vault is not written', async () => {
    const keySource: KeySource = { kind: 'keychain', store: new MemoryKeyStore() };
    const home = join(tempDir(), 'Traykey');
    const vault = await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
    const file = join(home, VAULT_FILE);
    await vault.update((doc) => void (doc.n = 1));
    const older = readFileSync(file);
    await vault.update((doc) => void (doc.n = 2));
    writeFileSync(file, older);
    await expectAppError(() => vault.update((doc) => void (doc.n = 3)), 'VAULT_OLDER');
    expect(readFileSync(file).equals(older)).toBe(true);
  });

  it('leaves the push replay record where it was: nothing is recorded while read-only, and after acceptance earlier challenges count as replays', async () => {
    const keySource: KeySource = { kind: 'keychain', store: new MemoryKeyStore() };
    const { home, putBack } = await vaultWithOlderCopy(keySource);
    putBack();
    const vault = await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
    const store = new PushStore(vault);
    await expectAppError(() => store.updateSeen(NOW, () => 'new'), 'VAULT_OLDER');

    await vault.acceptOlderCopy((doc) => restartReplayHistory(doc, NOW));
    const challenge = { id: 'ftTX', nonce: 'n1', enrolmentId: 'pfd1' };
    const verdictFor = (issuedAt?: number) => store.updateSeen(NOW + 1_000, (seen, historyFrom) => judgeReplay(seen, { ...challenge, ...(issuedAt !== undefined ? { issuedAt } : {}) }, historyFrom));
    expect(await verdictFor(NOW - 30_000)).toBe('replayed');
    expect(await verdictFor()).toBe('replayed');
    expect(await verdictFor(NOW + 500)).toBe('new');
  });

  it('is not noticed in passphrase mode once the record beside it is gone too (the limit of a record kept in the same folder)', async () => {
    const keySource: KeySource = { kind: 'passphrase', passphrase: 'correct horse battery staple' };
    const { home, file, putBack } = await vaultWithOlderCopy(keySource);
    putBack();
    rmSync(`${file}.saves`);
    const vault = await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
    expect(vault.warning).toBeUndefined();
  });
});

describe('the CLI on an older copy', () => {
  it('lists with the warning on stderr, refuses to add, and adds again after `traykey vault accept-older`', async () => {
    const keySource: KeySource = { kind: 'passphrase', passphrase: 'correct horse battery staple' };
    const home = join(tempDir(), 'Traykey');
    const file = join(home, VAULT_FILE);
    const run = async (args: string[]) => {
      let stdout = '';
      let stderr = '';
      const io = { stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text), env: { TRAYKEY_HOME: home } };
      const code = await main(args, io, { now: () => NOW, openVault: () => Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT }) });
      return { code, stdout, stderr };
    };
    const uri = (name: string, secret: string) => `otpauth://totp/Example:${name}@example.com?secret=${secret}`;
    expect(await run(['add', uri('first', 'JBSWY3DPEHPK3PXP')])).toMatchObject({ stderr: '', code: 0 });
    const older = readFileSync(file);
    expect((await run(['add', uri('second', 'GEZDGNBVGY3TQOJQ')])).code).toBe(0);
    writeFileSync(file, older);

    const listed = await run(['list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('first@example.com');
    expect(listed.stderr).toMatch(/^The vault .* is an older copy: it is save 2 of this vault, but .*vault\.tkv\.saves records save 3, so Traykey opened it read-only\.\n$/);
    const added = await run(['add', uri('third', 'MFRGGZDFMZTWQ2LK')]);
    expect(added.code).toBe(1);
    expect(added.stderr).toContain('traykey vault accept-older');
    expect(readFileSync(file).equals(older)).toBe(true);

    expect((await run(['vault', 'accept-older'])).code).toBe(0);
    const again = await run(['add', uri('third', 'MFRGGZDFMZTWQ2LK')]);
    expect(again).toMatchObject({ code: 0, stderr: '' });
  });
});
