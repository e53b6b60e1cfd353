import { TOTP, HOTP, Secret } from 'otpauth';
import { test, expect } from './harness/fixtures';
import { openSection, popup } from './harness/popup';
import { testSecret } from './harness/secrets';

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890", 8 digits, T = 59 s → 94287082.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const totp = (timestamp: number, digits = 6, period = 30) => new TOTP({ secret: Secret.fromBase32(RFC_SECRET), digits, period }).generate({ timestamp });

test.describe('accounts in the popup', () => {
  // The core's clock and the page's clock both stand still at T = 59 s until a test moves them.
  test.use({ harnessOptions: { now: 59_000 } });
  test.beforeEach(async ({ page }) => {
    await page.clock.install({ time: 50_000 });
    await page.clock.pauseAt(59_000);
  });

  test('an account added by hand shows the RFC 6238 code at a fixed clock, then flips at the boundary', async ({ app, harness }) => {
    const { page } = app;
    await app.open();
    const ui = popup(page);
    await openSection(app.page, 'Add');
    await page.getByLabel('Secret key').fill(RFC_SECRET);
    await page.getByLabel('Issuer').fill('RFC');
    await page.getByLabel('Account name').fill('vector');
    await page.getByText('Advanced').click();
    await page.getByLabel('Digits').fill('8');
    await page.getByRole('button', { name: 'Add account' }).click();

    await expect(ui.code('vector')).toHaveText('94287082');
    await expect(ui.code('vector').locator('.code-group')).toHaveText(['9428', '7082']);

    harness.clock.set(60_000);
    await page.clock.runFor(1_000);
    await expect(ui.code('vector')).toHaveText(totp(60_000, 8));
  });

  test('clicking a row copies its code through main, which reports when it clears', async ({ app, harness }) => {
    await harness.call('accounts:add', { issuer: 'ACME', label: 'alice', secret: RFC_SECRET });
    await app.open();
    const ui = popup(app.page);
    await expect(ui.code('alice')).toHaveText(totp(59_000));
    await ui.row('alice').getByRole('button', { name: /^ACME, alice, / }).click();
    const { clipboardClearSeconds } = await harness.call('settings:get', {});
    await expect(ui.toast).toContainText(`Copied. Clipboard clears in ${clipboardClearSeconds} s.`);
    await expect(ui.row('alice')).toContainText('Copied');
    expect(harness.clipboard.current).toBe(totp(59_000));
  });

  test('adds an account from an otpauth:// link', async ({ app }) => {
    await app.open();
    const ui = popup(app.page);
    await openSection(app.page, 'Add');
    await app.page.getByLabel('otpauth:// link').fill(`otpauth://totp/Example:bob@example.com?secret=${RFC_SECRET}&issuer=Example`);
    await app.page.getByRole('button', { name: 'Add from link' }).click();
    await expect(ui.row('bob@example.com')).toContainText('Example');
    await expect(ui.code('bob@example.com')).toHaveText(totp(59_000));
  });

  test('shows main’s error beside the field it names', async ({ app }) => {
    await app.open();
    await openSection(app.page, 'Add');
    await app.page.getByLabel('Secret key').fill('not base32 !!');
    await app.page.getByLabel('Account name').fill('broken');
    await app.page.getByRole('button', { name: 'Add account' }).click();
    const secret = app.page.getByLabel('Secret key');
    await expect(secret).toHaveAttribute('aria-invalid', 'true');
    const describedBy = await secret.getAttribute('aria-describedby');
    await expect(app.page.locator(`[id="${describedBy?.split(' ').pop()}"]`)).not.toBeEmpty();
  });

  test('search narrows the list by issuer and label', async ({ app, harness }) => {
    await harness.call('accounts:add', { issuer: 'GitHub', label: 'alice', secret: testSecret(1) });
    await harness.call('accounts:add', { issuer: 'Google', label: 'bob', secret: testSecret(2) });
    await harness.call('accounts:add', { issuer: 'AWS', label: 'carol', secret: testSecret(3) });
    await app.open();
    const ui = popup(app.page);
    await expect(ui.rows).toHaveCount(3);
    await ui.search.fill('go');
    await expect(ui.rows).toHaveCount(1);
    await expect(ui.rows.first()).toContainText('Google');
    await ui.search.fill('carol');
    await expect(ui.rows).toHaveText([/AWS/]);
    await ui.search.fill('nothing');
    await expect(app.page.getByText('No account matches “nothing”.')).toBeVisible();
  });

  test('renames an account inline, and the new name survives a reload', async ({ app, harness }) => {
    await harness.call('accounts:add', { issuer: 'ACME', label: 'alice', secret: RFC_SECRET });
    await app.open();
    const ui = popup(app.page);
    await ui.row('alice').getByRole('button', { name: /^ACME, alice, / }).focus();
    await ui.row('alice').getByRole('button', { name: 'Rename ACME (alice)' }).click();
    await app.page.getByLabel('Issuer').fill('Acme Corp');
    await app.page.getByLabel('Label').fill('alice@acme.test');
    await app.page.getByRole('button', { name: 'Save' }).click();
    await expect(ui.row('alice@acme.test')).toContainText('Acme Corp');
    await app.page.reload();
    await expect(ui.row('alice@acme.test')).toContainText('Acme Corp');
  });

  test('deletes an account and brings it back with Undo', async ({ app, harness }) => {
    await harness.call('accounts:add', { issuer: 'ACME', label: 'alice', secret: RFC_SECRET });
    await harness.call('accounts:add', { issuer: 'Other', label: 'bob', secret: testSecret(2) });
    await app.open();
    const ui = popup(app.page);
    await ui.row('alice').getByRole('button', { name: /^ACME, alice, / }).focus();
    await ui.row('alice').getByRole('button', { name: 'Delete ACME (alice)' }).click();
    await expect(ui.rows).toHaveCount(1);
    await expect(ui.toast).toContainText('Deleted ACME (alice).');
    await ui.toast.getByRole('button', { name: 'Undo' }).click();
    await expect(ui.row('alice')).toBeVisible();
    await expect(ui.rows).toHaveCount(2);
    await app.page.reload();
    await expect(ui.rows).toHaveCount(2);
  });

  test('accounts added in the popup survive a reload', async ({ app }) => {
    await app.open();
    const ui = popup(app.page);
    await openSection(app.page, 'Add');
    await app.page.getByLabel('Secret key').fill(RFC_SECRET);
    await app.page.getByLabel('Account name').fill('kept');
    await app.page.getByRole('button', { name: 'Add account' }).click();
    await expect(ui.row('kept')).toBeVisible();
    await app.page.reload();
    await expect(ui.row('kept')).toBeVisible();
  });

  test('an HOTP account shows its next code on request and counts up', async ({ app, harness }) => {
    await harness.call('accounts:add', { issuer: 'Bank', label: 'counter', secret: RFC_SECRET, type: 'hotp', counter: 0 });
    await app.open();
    const ui = popup(app.page);
    const hotp = (counter: number) => new HOTP({ secret: Secret.fromBase32(RFC_SECRET) }).generate({ counter });
    await ui.row('counter').getByRole('button', { name: 'Next code for Bank (counter)' }).click();
    const first = await ui.code('counter').textContent();
    expect([hotp(0), hotp(1)]).toContain(first);
    await ui.row('counter').getByRole('button', { name: 'Next code for Bank (counter)' }).click();
    await expect(ui.code('counter')).not.toHaveText(first ?? '');
  });

  test('the details view reveals the secret only after confirming', async ({ app, harness }) => {
    await harness.call('accounts:add', { issuer: 'ACME', label: 'alice', secret: RFC_SECRET });
    await app.open();
    const ui = popup(app.page);
    await ui.row('alice').getByRole('button', { name: /^ACME, alice, / }).focus();
    await ui.row('alice').getByRole('button', { name: 'Details of ACME (alice)' }).click();
    await expect(app.page.getByRole('heading', { name: 'ACME (alice)' })).toBeVisible();
    await expect(app.page.getByLabel('Secret')).toHaveCount(0);
    await app.page.getByRole('button', { name: 'Show secret…' }).click();
    // Escape cancels the confirmation only, as in every reveal step; the details stay open.
    await app.page.keyboard.press('Escape');
    await expect(app.page.getByRole('alertdialog')).toHaveCount(0);
    await expect(app.page.getByRole('heading', { name: 'ACME (alice)' })).toBeVisible();
    await app.page.getByRole('button', { name: 'Show secret…' }).click();
    await expect(app.page.getByRole('button', { name: 'Cancel' })).toBeFocused();
    expect(harness.server.calls).not.toContain('accounts:reveal');
    await app.page.getByRole('button', { name: 'Show secret', exact: true }).click();
    await expect(app.page.getByLabel('Secret', { exact: true })).toHaveValue(RFC_SECRET);
    await app.page.keyboard.press('Escape');
    await expect(ui.row('alice')).toBeVisible();
    await expect(app.page.getByLabel('Secret', { exact: true })).toHaveCount(0);
  });
});
