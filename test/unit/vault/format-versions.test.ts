import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProblem, parseVaultFile } from '../../../electron/core/vault/format';
import { Vault, VAULT_FILE, type KeySource } from '../../../electron/core/vault/vault';
import { MemoryKeyStore } from './fixtures/memory-key-store';
import { tempHomeSync } from '../../support/temp-home';
import { TEST_SCRYPT } from './fixtures/test-scrypt';

const FIXTURES = join(__dirname, 'fixtures');
const ACCOUNTS = [{ id: 'v1-a', issuer: 'Okta', label: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' }];

/** format-v1-keychain.tkv was written by Traykey before the save counter; this is its keychain entry. */
function v1Keychain(): MemoryKeyStore {
  const store = new MemoryKeyStore();
  store.entries.set('Traykey/vault-9fc25aac0451ea2e85aaff15393d01c8', 'jNykOXVMJvXLFvp3GCSBvCqd5shUcBC/WTaaNzw2C+A=');
  return store;
}

function homeWith(fixture: string): string {
  const home = join(tempHomeSync('vault'), 'Traykey');
  mkdirSync(home);
  copyFileSync(join(FIXTURES, fixture), join(home, VAULT_FILE));
  return home;
}

const header = (home: string) => {
  const parsed = parseVaultFile(readFileSync(join(home, VAULT_FILE)));
  if (isProblem(parsed)) throw new Error(parsed.kind);
  return parsed;
};

const cases: Array<[string, string, () => KeySource]> = [
  ['passphrase', 'format-v1-passphrase.tkv', () => ({ kind: 'passphrase', passphrase: 'format one passphrase' })],
  ['keychain', 'format-v1-keychain.tkv', () => ({ kind: 'keychain', store: v1Keychain() })],
];

describe('a vault written before the save counter (format version 1)', () => {
  it.each(cases)('opens in %s mode and is rewritten as version 2, counting from its first new save', async (_mode, fixture, source) => {
    const home = homeWith(fixture);
    const keySource = source();
    const vault = await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
    expect(vault.read()).toEqual({ accounts: ACCOUNTS });
    expect(header(home)).toMatchObject({ version: 1, saves: 0 });
    await vault.update((doc) => void (doc.note = 'upgraded'));
    expect(header(home)).toMatchObject({ version: 2, saves: 1 });
    vault.close();
    expect((await Vault.open({ home, keySource })).read()).toEqual({ accounts: ACCOUNTS, note: 'upgraded' });
  });
});
