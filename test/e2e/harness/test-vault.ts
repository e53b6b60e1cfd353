/**
 * The harness's vault: the real Vault with the real OS keychain (keytar against the session's
 * gnome-keyring), or passphrase mode. Keychain entries the harness created are removed on close.
 */
import { createKeytarStore } from '../../../electron/core/keychain/keytar-store';
import type { KeyStore } from '../../../electron/core/keychain/key-store';
import { Vault } from '../../../electron/core/vault/vault';

export type HarnessKeySource = { kind: 'keychain' } | { kind: 'passphrase'; passphrase: string };

/** Cheap scrypt for test vaults only, so passphrase mode does not cost a second per open. */
const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };

/** Keytar, remembering which entries were stored so the harness can remove them afterwards. */
export function recordingKeyStore(): KeyStore & { forgetAll(): Promise<void> } {
  const store = createKeytarStore();
  const created = new Set<string>();
  return {
    get: (service, account) => store.get(service, account),
    async set(service, account, secret) {
      await store.set(service, account, secret);
      created.add(JSON.stringify([service, account]));
    },
    delete: (service, account) => store.delete(service, account),
    async forgetAll() {
      for (const entry of created) {
        const [service, account] = JSON.parse(entry) as [string, string];
        await store.delete(service, account);
      }
      created.clear();
    },
  };
}

export function openTestVault(options: { home: string; keySource: HarnessKeySource; keyStore: KeyStore }): Promise<Vault> {
  const keySource = options.keySource.kind === 'keychain' ? { kind: 'keychain' as const, store: options.keyStore } : options.keySource;
  return Vault.open({ home: options.home, keySource, unsafeTestScrypt: TEST_SCRYPT });
}
