import { readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import { test, expect } from './harness/fixtures';
import { popup } from './harness/popup';
import { testSecret } from './harness/secrets';
import { AccountsService } from '../../electron/core/accounts/accounts-service';
import { VAULT_FILE } from '../../electron/core/vault/vault';

/**
 * The vault's earlier life: created (save 1), GitHub added (save 2, the copy kept aside), then AWS and
 * Okta added (saves 3 and 4), and the copy from save 2 put back, as a restore or a sync tool would.
 */
test.use({
  harnessOptions: {
    async beforeOpen(open, home) {
      const vault = await open();
      const accounts = new AccountsService(vault, { now: Date.now });
      await accounts.add({ issuer: 'GitHub', label: 'ana', secret: testSecret(1) });
      const older = readFileSync(join(home, VAULT_FILE));
      await accounts.add({ issuer: 'AWS', label: 'ana', secret: testSecret(2) });
      await accounts.add({ issuer: 'Okta', label: 'ana', secret: testSecret(3) });
      vault.close();
      writeFileSync(join(home, VAULT_FILE), older);
    },
  },
});

test('an older copy opens read-only, says what is older, and is kept only after a confirmation naming what is lost', async ({ app, harness }) => {
  await app.open();
  const { page } = app;
  const banner = page.getByRole('region', { name: 'Read-only: this vault is an older copy' });
  await expect(banner).toContainText('It is save 2, but this computer recorded save 4: the 2 saves after it are not in this copy.');
  await expect(banner).toContainText(join(harness.home, VAULT_FILE));
  await expect(popup(page).row('ana')).toHaveCount(1);

  await banner.getByRole('button', { name: 'Use this older copy…' }).click();
  const confirm = banner.getByRole('alertdialog', { name: 'Give up the 2 saves after this copy?' });
  await expect(confirm).toContainText('Accounts and other changes saved in saves 3–4 are lost on this computer.');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toHaveCount(0);
  expect((await harness.call('vault:status', {})).olderCopy).toEqual({ save: 2, latestSave: 4 });

  await banner.getByRole('button', { name: 'Use this older copy…' }).click();
  await confirm.getByRole('button', { name: 'Use this older copy' }).click();
  await expect(banner).toHaveCount(0);
  expect((await harness.call('vault:status', {})).olderCopy).toBeUndefined();

  // Writable again: the next account is saved.
  await harness.call('accounts:add', { issuer: 'Fastmail', label: 'ana', secret: testSecret(4) });
  expect((await harness.call('accounts:list', {})).map((account) => account.issuer)).toEqual(['GitHub', 'Fastmail']);
});

test('a change tried while read-only is refused with the reason, and nothing is written', async ({ app, harness }) => {
  await app.open();
  const before = readFileSync(join(harness.home, VAULT_FILE));
  await expect(harness.call('accounts:add', { issuer: 'Fastmail', label: 'ana', secret: testSecret(4) })).rejects.toThrow(/VAULT_OLDER/);
  expect(readFileSync(join(harness.home, VAULT_FILE)).equals(before)).toBe(true);
  await expect(app.page.getByRole('region', { name: 'Read-only: this vault is an older copy' })).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the banner and its confirmation pass axe in ${colorScheme}`, async ({ app }) => {
    await app.page.emulateMedia({ colorScheme });
    await app.open();
    await app.page.getByRole('button', { name: 'Use this older copy…' }).click();
    const results = await new AxeBuilder({ page: app.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
    expect(serious).toEqual([]);
  });
}
