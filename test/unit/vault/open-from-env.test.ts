import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keySourceFromEnv, openVaultFromEnv } from '../../../electron/core/vault/open-from-env';
import { Vault } from '../../../electron/core/vault/vault';
import { expectAppError } from '../../support/expect-app-error';
import { MemoryKeyStore } from './fixtures/memory-key-store';
import { tempHomeSync } from '../../support/temp-home';
import { TEST_SCRYPT } from './fixtures/test-scrypt';

describe('openVaultFromEnv', () => {
  it('uses the keychain when no passphrase is given', async () => {
    const store = new MemoryKeyStore();
    expect(await keySourceFromEnv({ env: {}, keyStore: store })).toEqual({ kind: 'keychain', store });
    expect(await keySourceFromEnv({ env: { TRAYKEY_PASSPHRASE: '' }, keyStore: store })).toEqual({ kind: 'keychain', store });
  });

  it('uses TRAYKEY_PASSPHRASE, and a passphrase file over it (dropping only the final newline)', async () => {
    const file = join(tempHomeSync('vault'), 'pass');
    writeFileSync(file, ' two words \n');
    expect(await keySourceFromEnv({ env: { TRAYKEY_PASSPHRASE: 'from-env' } })).toEqual({ kind: 'passphrase', passphrase: 'from-env' });
    expect(await keySourceFromEnv({ env: { TRAYKEY_PASSPHRASE: 'from-env' }, passphraseFile: file })).toEqual({ kind: 'passphrase', passphrase: ' two words ' });
  });

  it('names a passphrase file that cannot be read', async () => {
    const missing = join(tempHomeSync('vault'), 'missing');
    const error = await expectAppError(() => openVaultFromEnv({ env: {}, passphraseFile: missing }), 'INVALID_INPUT');
    expect(error.message).toContain(missing);
  });

  it('opens the vault in TRAYKEY_HOME', async () => {
    const home = join(tempHomeSync('vault'), 'Traykey');
    await Vault.open({ home, keySource: { kind: 'passphrase', passphrase: 'pw' }, unsafeTestScrypt: TEST_SCRYPT });
    const vault = await openVaultFromEnv({ env: { TRAYKEY_HOME: home, TRAYKEY_PASSPHRASE: 'pw' } });
    expect(vault.path).toBe(join(home, 'vault.tkv'));
  });
});
