import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { PushStore, restartReplayHistory } from '../../../electron/core/push/push-store';
import { judgeReplay } from '../../../electron/core/push/replay-guard';
import { isProblem, parseVaultFile } from '../../../electron/core/vault/format';
import { Vault, VAULT_FILE, type KeySource } from '../../../electron/core/vault/vault';
import { createCore } from '../../../electron/core/app-core';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import type { RequestOf } from '../../../shared/ipc';
import { expectAppError } from '../../support/expect-app-error';
import { MemoryKeyStore } from './fixtures/memory-key-store';
import { tempHomeSync } from '../../support/temp-home';
import { TEST_SCRYPT } from './fixtures/test-scrypt';

const NOW = 1_790_000_000_000;
const account = (id: string) => ({ id, issuer: 'Okta', label: `${id}@example.com`, type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, secret: 'JBSWY3DPEHPK3PXP', tags: [], createdAt: NOW });

const savesOf = (file: string): number => {
  const parsed = parseVaultFile(readFileSync(file));
  if (isProblem(parsed)) throw new Error(parsed.kind);
  return parsed.saves;
};

/** A vault saved four times (create, then a, b, c); `older` is the file as it was after the second save. */
async function vaultWithOlderCopy(keySource: KeySource) {
  const home = join(tempHomeSync('vault'), 'Traykey');
  const vault = await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
  const file = join(home, VAULT_FILE);
  await vault.update((doc) => void (doc.accounts = [account('a')]));
  const older = readFileSync(file);
  await vault.update((doc) => void (doc.accounts = [account('a'), account('b')]));
  await vault.update((doc) => void (doc.accounts = [account('a'), account('b'), account('c')]));
  vault.close();
  const newer = readFileSync(file);
  return { home, file, older, putBack: () => writeFileSync(file, older), putBackNewer: () => writeFileSync(file, newer) };
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
    const home = join(tempHomeSync('vault'), 'Traykey');
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

describe('keeping an older copy from the app (vault:acceptOlder)', () => {
  const keySource = (): KeySource => ({ kind: 'passphrase', passphrase: 'correct horse battery staple' });

  async function appOnOlderCopy() {
    const source = keySource();
    const setup = await vaultWithOlderCopy(source);
    setup.putBack();
    const vault = await Vault.open({ home: setup.home, keySource: source, unsafeTestScrypt: TEST_SCRYPT });
    const core = createCore({ vault, home: setup.home, now: () => NOW, watchVault: false });
    const events: string[] = [];
    core.events.on('vault:changed', () => events.push('vault:changed'));
    const call = <C extends 'vault:status' | 'vault:acceptOlder' | 'accounts:list'>(channel: C, request: RequestOf<C>) => dispatch(core.handlers, channel, request);
    return { ...setup, vault, core, events, call, close: () => (core.close(), vault.close()) };
  }

  it('tells the page which save is older than which, and refuses changes until the person chooses', async () => {
    const app = await appOnOlderCopy();
    expect(await app.call('vault:status', {})).toMatchObject({ ok: true, value: { state: 'unlocked', olderCopy: { save: 2, latestSave: 4 } } });
    expect(await app.call('accounts:list', {})).toMatchObject({ ok: true, value: [expect.objectContaining({ issuer: 'Okta', label: 'a@example.com' })] });
    expect(readFileSync(app.file).equals(app.older)).toBe(true);
    app.close();
  });

  it('keeps the copy the person confirmed, as `traykey vault accept-older` does: counter past the record, replay history restarted, page told', async () => {
    const app = await appOnOlderCopy();
    const answer = await app.call('vault:acceptOlder', { save: 2, latestSave: 4 });
    expect(answer).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    expect(answer).not.toHaveProperty('value.olderCopy');
    expect(app.events).toEqual(['vault:changed']);
    expect(savesOf(app.file)).toBe(5);
    expect(app.vault.read()).toMatchObject({ accounts: [account('a')], push: { historyFrom: NOW } });
    app.close();
  });

  it('refuses to keep a copy other than the one the person was shown, and writes nothing', async () => {
    const app = await appOnOlderCopy();
    const answer = await app.call('vault:acceptOlder', { save: 1, latestSave: 4 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VAULT_OLDER', message: expect.stringContaining('changed while you were deciding') } });
    expect(readFileSync(app.file).equals(app.older)).toBe(true);
    expect(app.events).toEqual([]);
    app.close();
  });

  it('does nothing once the newer copy is back, and says the vault is no longer older', async () => {
    const app = await appOnOlderCopy();
    app.putBackNewer();
    expect(await app.call('vault:acceptOlder', { save: 2, latestSave: 4 })).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    expect((await app.call('vault:status', {})).ok && app.vault.olderCopy).toBeUndefined();
    expect(savesOf(app.file)).toBe(4);
    expect(app.events).toEqual([]);
    expect(app.vault.read()).toEqual({ accounts: [account('a'), account('b'), account('c')] });
    app.close();
  });

  it('rejects a malformed request before it reaches the vault', async () => {
    const app = await appOnOlderCopy();
    for (const request of [{}, { save: -1, latestSave: 4 }, { save: 2.5, latestSave: 4 }, { save: 2, latestSave: 4, force: true }]) {
      expect(await dispatch(app.core.handlers, 'vault:acceptOlder', request)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(readFileSync(app.file).equals(app.older)).toBe(true);
    app.close();
  });
});

describe('the CLI on an older copy', () => {
  it('lists with the warning on stderr, refuses to add, and adds again after `traykey vault accept-older`', async () => {
    const keySource: KeySource = { kind: 'passphrase', passphrase: 'correct horse battery staple' };
    const home = join(tempHomeSync('vault'), 'Traykey');
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
