import { test, expect } from './harness/fixtures';
import { openSection, popup } from './harness/popup';
import { testSecret } from './harness/secrets';

test.describe('a passphrase-protected vault', () => {
  test.use({ harnessOptions: { keySource: { kind: 'passphrase', passphrase: 'correct horse battery staple' } } });

  test('asks for the passphrase once main locks the vault, explains a wrong one, and shows the accounts once unlocked', async ({ app, harness }) => {
    await harness.call('accounts:add', { issuer: 'Locked', label: 'behind-passphrase', secret: testSecret(9) });
    await app.open();
    const { page } = app;
    await expect(popup(page).row('behind-passphrase')).toBeVisible();
    await harness.call('vault:lock', {});
    const passphrase = page.getByLabel('Passphrase');
    await expect(page.getByRole('heading', { name: 'Unlock Traykey' })).toBeVisible();
    await expect(passphrase).toBeFocused();

    await passphrase.fill('wrong passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(passphrase).toHaveAttribute('aria-invalid', 'true');

    await passphrase.fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(popup(page).row('behind-passphrase')).toBeVisible();
  });

  test('locking from Settings brings the prompt back', async ({ app }) => {
    await app.open();
    const { page } = app;
    await openSection(page, 'Settings');
    await page.getByRole('button', { name: 'Lock now' }).click();
    await expect(page.getByRole('heading', { name: 'Unlock Traykey' })).toBeVisible();
  });
});
