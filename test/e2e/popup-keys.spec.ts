/**
 * The popup's own keys, for a person who summoned it with the shortcut: type, Enter copies the top
 * match and hides the popup; Escape clears a search first and hides the popup after; Ctrl+1…5 open
 * the sections in header order.
 */
import { test, expect } from './harness/fixtures';
import { popup } from './harness/popup';
import { testSecret } from './harness/secrets';

test.beforeEach(async ({ harness }) => {
  await harness.call('accounts:add', { issuer: 'GitHub', label: 'alice-dev', secret: testSecret(1) });
  await harness.call('accounts:add', { issuer: 'Google', label: 'alice@gmail.com', secret: testSecret(2) });
});

test('typing then Enter copies the top match and hides the popup', async ({ app, harness }) => {
  await app.open();
  const ui = popup(app.page);
  await expect(ui.rows).toHaveCount(2);
  await app.page.keyboard.type('goo');
  await expect(ui.rows).toHaveCount(1);
  await app.page.keyboard.press('Enter');
  await expect.poll(() => harness.popupHides.length).toBe(1);
  const google = (await harness.call('accounts:list', {})).find((account) => account.issuer === 'Google');
  const { codes } = await harness.call('accounts:codes', { at: harness.clock.now() });
  expect(harness.clipboard.current).toBe(codes.find((code) => code.id === google?.id)?.code);
});

test('Escape clears the search first, then hides the popup; in Details it only goes back', async ({ app, harness }) => {
  await app.open();
  const ui = popup(app.page);
  await app.page.keyboard.type('git');
  await app.page.keyboard.press('Escape');
  await expect(ui.search).toHaveValue('');
  expect(harness.popupHides).toEqual([]);

  await ui.row('alice-dev').locator('.row-main').focus();
  await app.page.keyboard.press('Control+i');
  await expect(app.page.getByRole('heading', { level: 1, name: 'GitHub (alice-dev)' })).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(ui.rows).toHaveCount(2);
  expect(harness.popupHides).toEqual([]);

  await app.page.keyboard.press('Escape');
  await expect.poll(() => harness.popupHides.length).toBe(1);
  expect(harness.clipboard.writes).toEqual([]);
});

test('Ctrl+1…5 open the sections in header order', async ({ app }) => {
  await app.open();
  // The rows arrive after the popup's key handlers are in place.
  await expect(popup(app.page).rows).toHaveCount(2);
  const nav = app.page.getByRole('navigation', { name: 'Sections' });
  const lit = () => nav.locator('[aria-current="page"]').getAttribute('aria-label');
  await app.page.keyboard.press('Control+2');
  await expect.poll(lit).toBe('Add');
  await app.page.keyboard.press('Control+3');
  await expect.poll(lit).toBe('Approvals');
  await app.page.keyboard.press('Control+4');
  await expect(app.page.getByRole('heading', { name: 'Transfer to phone' })).toBeVisible();
  await expect.poll(lit).toBe('More');
  await app.page.keyboard.press('Control+1');
  await expect.poll(lit).toBe('Accounts');
  await expect(popup(app.page).rows).toHaveCount(2);
});
