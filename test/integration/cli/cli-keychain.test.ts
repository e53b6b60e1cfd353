import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { createCore } from '../../../electron/core/app-core';
import { KEYCHAIN_SERVICE } from '../../../electron/core/keychain/key-store';
import { createKeytarStore } from '../../../electron/core/keychain/keytar-store';
import { openVaultFromEnv } from '../../../electron/core/vault/open-from-env';
import { keychainAccount } from '../../../electron/core/vault/vault-key';
import { VAULT_FILE } from '../../../electron/core/vault/vault';
import { requireKeyring } from '../keychain/require-keyring';
import { tempHome } from '../../support/temp-home';

const store = createKeytarStore();
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

async function keychainHome(): Promise<string> {
  const home = await tempHome('cli-kc');
  cleanup.push(async () => {
    // The vault id sits at bytes 36–52 of the header; its keychain entry is removed with the folder.
    const header = await readFile(join(home, VAULT_FILE)).catch(() => undefined);
    if (header) await store.delete(KEYCHAIN_SERVICE, keychainAccount(header.subarray(36, 52)));
  });
  return home;
}

async function cli(args: string[], home: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: { TRAYKEY_HOME: home } });
  return { code, stdout, stderr };
}

describe('keychain mode with the real gnome-keyring', () => {
  it('the CLI keeps the vault key in the keychain and prints codes', async () => {
    requireKeyring();
    const home = await keychainHome();
    expect((await cli(['add', 'otpauth://totp/ACME:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=8&issuer=ACME'], home)).code).toBe(0);
    expect(await cli(['code', 'alice', '--at', '59'], home)).toEqual({ code: 0, stdout: '94287082\n', stderr: '' });
  });

  it('the core locks and unlocks a keychain vault without a passphrase of its own', async () => {
    requireKeyring();
    const home = await keychainHome();
    const core = createCore({ vault: await openVaultFromEnv({ home, env: {} }), home, watchVault: false });
    try {
      await core.accounts.add({ issuer: 'K', label: 'c', secret: 'JBSWY3DPEHPK3PXP' });
      expect(await core.handlers['vault:lock']({})).toMatchObject({ state: 'locked', mode: 'keychain' });
      expect(await core.handlers['vault:unlock']({ passphrase: 'unused' })).toMatchObject({ state: 'unlocked', mode: 'keychain', accountCount: 1 });
    } finally {
      core.close();
    }
  });
});
