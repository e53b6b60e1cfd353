import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICE } from '../../../electron/core/keychain/key-store';
import { createKeytarStore } from '../../../electron/core/keychain/keytar-store';
import { runChild } from '../vault/fixtures/run-child';
import { requireKeyring } from './require-keyring';
import { tempHomeSync } from '../../support/temp-home';

describe('the keytar key store against a real gnome-keyring', () => {
  it('stores, reads and deletes a secret by service and account', async () => {
    requireKeyring();
    const store = createKeytarStore();
    const account = `test-${randomBytes(6).toString('hex')}`;
    const secret = randomBytes(32).toString('base64');
    expect(await store.get(KEYCHAIN_SERVICE, account)).toBeNull();
    await store.set(KEYCHAIN_SERVICE, account, secret);
    expect(await store.get(KEYCHAIN_SERVICE, account)).toBe(secret);
    expect(await store.delete(KEYCHAIN_SERVICE, account)).toBe(true);
    expect(await store.get(KEYCHAIN_SERVICE, account)).toBeNull();
    expect(await store.delete(KEYCHAIN_SERVICE, account)).toBe(false);
  });

  it('reports KEYCHAIN_UNAVAILABLE, naming passphrase mode, when the session bus is dead', async () => {
    requireKeyring();
    const dir = tempHomeSync('nobus');
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir, 'dead-bus')}`, TRAYKEY_PASSPHRASE: '' };
    const run = await runChild(['open-from-env', join(dir, 'Traykey')], env);
    const result = JSON.parse(run.stdout) as { code: string; message: string };
    expect(result.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(result.message).toContain('TRAYKEY_PASSPHRASE');
    expect(result.message).toContain('--passphrase-file');
  });
});
