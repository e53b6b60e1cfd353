import { test as base, expect } from './harness/fixtures';
import { popup } from './harness/popup';
import { serveDeepLinks, type ServedDeepLinks } from './harness/deep-links';

// Main hands the core an inbox for the links the OS delivers; the harness does the same.
const test = base.extend<{ links: ServedDeepLinks }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; there are none
  links: async ({}, use) => use(serveDeepLinks()),
  harnessOptions: async ({ links }, use) => use({ coreOptions: () => ({ deepLinks: links.inbox }) }),
});

const OTPAUTH = 'otpauth://totp/Example:ana@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example';

test('a link that arrives while the popup is open is previewed, and Add saves it', async ({ app, harness, links }) => {
  await app.open();
  const { page } = app;
  await expect(page.getByRole('alertdialog')).toHaveCount(0);

  links.open(`traykey://add?uri=${encodeURIComponent(OTPAUTH)}`);
  const dialog = page.getByRole('alertdialog', { name: 'Add Example (ana@example.com)?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toContainText('JBSWY3DPEHPK3PXP');
  await expect(dialog.getByRole('button', { name: 'Dismiss' })).toBeFocused();

  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Add' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(popup(page).row('ana@example.com')).toBeVisible();
  const saved = await harness.call('accounts:list', {});
  expect(saved.map((account) => [account.issuer, account.label])).toEqual([['Example', 'ana@example.com']]);
  expect(links.inbox.pending()).toBeNull();
});

test('a link waiting when the popup opens is previewed, and Dismiss (the default) saves nothing', async ({ app, harness, links }) => {
  links.open(OTPAUTH);
  await app.open();
  const { page } = app;
  const dialog = page.getByRole('alertdialog', { name: 'Add Example (ana@example.com)?' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  expect(await harness.call('accounts:list', {})).toEqual([]);
  expect(links.inbox.pending()).toBeNull();
  await expect(popup(page).rows).toHaveCount(0);
});

test('Escape dismisses the preview, and a dismissed link cannot be added afterwards', async ({ app, harness, links }) => {
  await app.open();
  links.open(OTPAUTH);
  const token = links.inbox.pending()?.token ?? '';
  const dialog = app.page.getByRole('alertdialog', { name: 'Add Example (ana@example.com)?' });
  await expect(dialog).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(harness.call('deepLink:accept', { token })).rejects.toThrow(/NOT_FOUND/);
  expect(await harness.call('accounts:list', {})).toEqual([]);
});

test('links that arrive while a preview waits are ignored: the first account stays on screen and the person is told once', async ({ app, links }) => {
  await app.open();
  links.open(OTPAUTH);
  for (const label of ['mallory', 'trudy']) links.open(`otpauth://totp/Evil:${label}?secret=JBSWY3DPEHPK3PXP&issuer=Evil`);
  await expect(app.page.getByRole('alertdialog', { name: 'Add Example (ana@example.com)?' })).toBeVisible();
  await expect(app.page.getByRole('alertdialog')).toHaveCount(1);
  expect(links.inbox.pending()?.shown).toMatchObject({ action: 'add', preview: { label: 'ana@example.com' } });
  expect(links.notices).toEqual(['A setup link is already waiting in Traykey: add or dismiss it first; other links are ignored until then.']);
});
