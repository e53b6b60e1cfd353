import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICE } from '../../../electron/core/keychain/key-store';
import { createKeytarStore } from '../../../electron/core/keychain/keytar-store';
import { keychainAccount } from '../../../electron/core/vault/vault-key';
import { openVaultFromEnv } from '../../../electron/core/vault/open-from-env';
import { Vault, VAULT_FILE } from '../../../electron/core/vault/vault';
import { requireKeyring } from '../keychain/require-keyring';
import { runChild } from './fixtures/run-child';
import { tempHomeSync } from '../../support/temp-home';

const store = createKeytarStore();
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

/** The data home is a subfolder that does not exist yet, as on a first start. */
const newHome = (): string => join(tempHomeSync('kc'), 'Traykey');

/** The keychain account named by the vault id in the file's header. */
const accountOf = (home: string) => keychainAccount(readFileSync(join(home, VAULT_FILE)).subarray(36, 52));

describe('a keychain-mode vault with the real gnome-keyring', () => {
  it('keeps its random key in the keychain under "Traykey" and reopens with it', async () => {
    requireKeyring();
    const home = newHome();
    const vault = await openVaultFromEnv({ home, env: {} });
    const account = accountOf(home);
    cleanup.push(async () => void (await store.delete(KEYCHAIN_SERVICE, account)));
    await vault.update((doc) => void (doc.accounts = [{ id: 'a', secret: 'JBSWY3DPEHPK3PXP' }]));
    vault.close();
    const key = await store.get(KEYCHAIN_SERVICE, account);
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
    const again = await openVaultFromEnv({ home, env: {} });
    expect(again.read()).toEqual({ accounts: [{ id: 'a', secret: 'JBSWY3DPEHPK3PXP' }] });
  });

  it('cannot be opened once its keychain entry is deleted', async () => {
    requireKeyring();
    const home = newHome();
    await Vault.open({ home, keySource: { kind: 'keychain', store } });
    await store.delete(KEYCHAIN_SERVICE, accountOf(home));
    await expect(Vault.open({ home, keySource: { kind: 'keychain', store } })).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
  });

  it('with no reachable keychain, fails with KEYCHAIN_UNAVAILABLE and writes no vault; passphrase mode still works', async () => {
    requireKeyring();
    const home = newHome();
    const deadBus = { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${home}-dead-bus`, TRAYKEY_PASSPHRASE: '' };
    const refused = await runChild(['open-from-env', home], deadBus);
    expect(JSON.parse(refused.stdout)).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringContaining('TRAYKEY_PASSPHRASE') });
    expect(existsSync(join(home, VAULT_FILE))).toBe(false);
    const withPassphrase = await runChild(['open-from-env', home], { ...deadBus, TRAYKEY_PASSPHRASE: 'tangerine walrus umbrella 47' });
    expect(JSON.parse(withPassphrase.stdout)).toEqual({ ok: true });
    expect(readFileSync(join(home, VAULT_FILE)).readUInt8(9)).toBe(2);
  });
});
