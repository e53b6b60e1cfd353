import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/app-core';
import { Vault } from '../../../electron/core/vault/vault';
import { FakeClipboard } from '../../support/fake-clipboard';
import { tempHome } from '../../support/temp-home';

async function coreWithCopiedCode() {
  const home = await tempHome('clip');
  const vault = await Vault.open({ home, keySource: { kind: 'passphrase', passphrase: 'correct horse battery staple' }, unsafeTestScrypt: { N: 1024, r: 8, p: 1 } });
  const clipboard = new FakeClipboard();
  const core = createCore({ vault, home, clipboard, watchVault: false });
  const account = await core.handlers['accounts:addUri']({ uri: 'otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME' });
  await core.handlers['accounts:copyCode']({ id: account.id });
  return { core, clipboard };
}

describe('a copied code when Traykey quits', () => {
  it('is cleared from the clipboard by close(), not left behind', async () => {
    const { core, clipboard } = await coreWithCopiedCode();
    expect(clipboard.current).toMatch(/^\d{6}$/);
    await core.close();
    expect(clipboard.current).toBe('');
  });

  it('leaves what the person copied since alone', async () => {
    const { core, clipboard } = await coreWithCopiedCode();
    await clipboard.writeText('my own text');
    await core.close();
    expect(clipboard.current).toBe('my own text');
  });
});
