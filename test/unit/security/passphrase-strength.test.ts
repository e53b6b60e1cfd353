import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportTraykeyBackup } from '../../../electron/core/backup/traykey-backup';
import { openVaultFromEnv } from '../../../electron/core/vault/open-from-env';
import { Vault, VAULT_FILE } from '../../../electron/core/vault/vault';
import { judgePassphrase, requireStrongPassphrase } from '../../../shared/passphrase-strength';
import { expectAppError } from '../../support/expect-app-error';
import { tempHomeSync } from '../../support/temp-home';
import { TEST_SCRYPT } from '../vault/fixtures/test-scrypt';

const STRONG = 'tangerine walrus umbrella 47';

describe('the passphrase strength policy', () => {
  it.each([
    ['x', /too easy to guess/],
    ['aaaaaaaa', /Repeated characters like "aaa" are easy to guess\./],
    ['password1', /too easy to guess/],
    ['qwertyuiop', /too easy to guess/],
  ])('refuses %j with zxcvbn’s reason', async (weak, reason) => {
    for (const use of ['vault', 'backup'] as const) {
      const error = await expectAppError(() => requireStrongPassphrase(weak, use), 'INVALID_INPUT');
      expect(error.message).toMatch(reason);
      expect(error.message).toContain(`${use} passphrase`);
      expect(error.field).toBe('passphrase');
    }
  });

  it('accepts a few unrelated words', async () => {
    expect(await judgePassphrase(STRONG, 'vault')).toMatchObject({ ok: true });
    await requireStrongPassphrase(STRONG, 'backup');
  });

  it('gives the renderer a score and a reason to show while typing', async () => {
    const verdict = await judgePassphrase('aaaaaaaa', 'backup');
    expect(verdict).toMatchObject({ ok: false, score: 0 });
    expect(verdict.reason).toMatch(/^This backup passphrase is too easy to guess \(about 10\^\d+ guesses\): /);
  });
});

describe('where the policy applies', () => {
  it('refuses to create a vault under a weak TRAYKEY_PASSPHRASE, and creates none', async () => {
    const home = join(tempHomeSync('vault'), 'Traykey');
    const error = await expectAppError(() => openVaultFromEnv({ env: { TRAYKEY_HOME: home, TRAYKEY_PASSPHRASE: 'x' } }), 'INVALID_INPUT');
    expect(error.message).toContain('vault passphrase is too easy to guess');
    expect(existsSync(join(home, VAULT_FILE))).toBe(false);
  });

  it('still opens a vault made under a weak passphrase before the policy', async () => {
    const home = join(tempHomeSync('vault'), 'Traykey');
    await Vault.open({ home, keySource: { kind: 'passphrase', passphrase: 'x' }, unsafeTestScrypt: TEST_SCRYPT }).then((vault) => vault.close());
    const vault = await openVaultFromEnv({ env: { TRAYKEY_HOME: home, TRAYKEY_PASSPHRASE: 'x' } });
    expect(vault.read()).toEqual({});
  });

  it('refuses a weak backup passphrase before writing anything', async () => {
    const error = await expectAppError(() => exportTraykeyBackup([], 'aaaaaaaa', { scrypt: TEST_SCRYPT }), 'INVALID_INPUT');
    expect(error.message).toContain('backup passphrase is too easy to guess');
  });
});
