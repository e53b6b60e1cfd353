import { describe, expect, it } from 'vitest';
import { createKeytarStore } from '../../../electron/core/keychain/keytar-store';
import { expectAppError } from '../../support/expect-app-error';

type Keytar = typeof import('keytar');

const fakeKeytar = (overrides: Partial<Keytar>): Keytar => ({
  getPassword: async () => null,
  setPassword: async () => undefined,
  deletePassword: async () => false,
  findPassword: async () => null,
  findCredentials: async () => [],
  ...overrides,
});

describe('createKeytarStore', () => {
  it('turns a native module that fails to load into KEYCHAIN_UNAVAILABLE naming passphrase mode', async () => {
    const store = createKeytarStore({ load: () => Promise.reject(new Error('libsecret-1.so.0: cannot open shared object file')) });
    const error = await expectAppError(() => store.get('Traykey', 'vault-1'), 'KEYCHAIN_UNAVAILABLE');
    expect(error.message).toContain('native module');
    expect(error.message).toContain('TRAYKEY_PASSPHRASE');
    expect(error.message).toContain('--passphrase-file');
  });

  it('does not load the native module until the keychain is used', () => {
    let loaded = 0;
    createKeytarStore({ load: async () => (loaded++, fakeKeytar({})) });
    expect(loaded).toBe(0);
  });

  it('retries loading after a failure instead of remembering it forever', async () => {
    let attempts = 0;
    const store = createKeytarStore({ load: async () => (++attempts === 1 ? Promise.reject(new Error('busy')) : fakeKeytar({ getPassword: async () => 'k' })) });
    await expectAppError(() => store.get('Traykey', 'a'), 'KEYCHAIN_UNAVAILABLE');
    expect(await store.get('Traykey', 'a')).toBe('k');
  });

  it('reports a keychain that never answers as unavailable after the timeout', async () => {
    const store = createKeytarStore({ timeoutMs: 20, load: async () => fakeKeytar({ getPassword: () => new Promise(() => undefined) }) });
    const error = await expectAppError(() => store.get('Traykey', 'a'), 'KEYCHAIN_UNAVAILABLE');
    expect(error.message).toMatch(/did not answer/);
  });

  it('never puts the secret into the error when storing fails', async () => {
    const store = createKeytarStore({ load: async () => fakeKeytar({ setPassword: () => Promise.reject(new Error('Cannot create an item in a locked collection')) }) });
    const error = await expectAppError(() => store.set('Traykey', 'a', 'c2VjcmV0LWtleQ=='), 'KEYCHAIN_UNAVAILABLE');
    expect(error.message).toContain('locked collection');
    expect(error.message).not.toContain('c2VjcmV0LWtleQ==');
  });
});
