import { test, expect } from './harness/fixtures';
import { testSecret } from './harness/secrets';
import { openSection, popup } from './harness/popup';


test('an account another process adds to the vault (as the CLI does) shows up in the open popup', async ({ app, harness }) => {
  await harness.call('accounts:add', { issuer: 'Here', label: 'first', secret: testSecret(1) });
  await app.open();
  const ui = popup(app.page);
  await expect(ui.rows).toHaveCount(1);
  const cli = await harness.openSecondCore();
  const added = await cli.core.handlers['accounts:add']({ issuer: 'CLI', label: 'from-cli', secret: testSecret(2), type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 });
  expect(added.label).toBe('from-cli');
  await expect(ui.row('from-cli')).toBeVisible({ timeout: 10_000 });
  await expect(ui.code('from-cli')).toHaveText(/^\d{6}$/);
});

test('the theme follows the system and can be pinned in Settings', async ({ app }) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.open();
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = await background();
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await background();
  expect(dark).not.toBe(light);

  await openSection(page, 'Settings');
  // The radios are controlled by main's answer, so click and wait rather than check().
  await page.getByRole('radio', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe(dark);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await openSection(page, 'Settings');
  await page.getByRole('radio', { name: 'Match the system' }).click();
  await expect(page.getByRole('radio', { name: 'Match the system' })).toBeChecked();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
});

test('the clipboard delay is saved, and a value out of range is explained beside the field', async ({ app, harness }) => {
  await app.open();
  const { page } = app;
  await openSection(page, 'Settings');
  const delay = page.getByLabel('Clear a copied code after (seconds)');
  await delay.fill('5000');
  await page.getByRole('form', { name: 'Clipboard' }).getByRole('button', { name: 'Save' }).click();
  await expect(delay).toHaveAttribute('aria-invalid', 'true');
  await delay.fill('45');
  await page.getByRole('form', { name: 'Clipboard' }).getByRole('button', { name: 'Save' }).click();
  await expect(delay).not.toHaveAttribute('aria-invalid', 'true');
  expect((await harness.call('settings:get', {})).clipboardClearSeconds).toBe(45);
});

test('the popup stays usable at 200% zoom', async ({ app, harness }) => {
  await harness.call('accounts:add', { issuer: 'A very long issuer name for zoom', label: 'someone.with.a.long.address@example.com', secret: testSecret(3) });
  const { page } = app;
  await page.setViewportSize({ width: 190, height: 280 });
  await app.open();
  const ui = popup(page);
  await expect(ui.rows).toHaveCount(1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(ui.code('someone')).toBeInViewport();
});

test('without the bridge the page says plainly that it cannot reach main', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('alert')).toContainText('cannot reach its main process');
});

test('the popup shown again fetches the list once, whether the platform reports it by visibility, by focus or both', async ({ app, harness }) => {
  await harness.call('accounts:add', { issuer: 'Here', label: 'first', secret: testSecret(1) });
  await app.open();
  await expect(popup(app.page).rows).toHaveCount(1);
  // Chromium here cannot hide a page, so hiding is told to the page as a hidden Electron window tells it.
  await app.page.evaluate(() => {
    let hidden = false;
    Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
    Object.assign(window, {
      setHidden(value: boolean) {
        hidden = value;
        document.dispatchEvent(new Event('visibilitychange'));
      },
    });
  });
  const lists = async (show: () => Promise<void>) => {
    const before = harness.server.calls.length;
    await show();
    await expect.poll(() => harness.server.calls.slice(before).filter((channel) => channel === 'accounts:list')).toEqual(['accounts:list']);
    // A second fetch, had there been one, would have been sent by now.
    await app.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
    return harness.server.calls.slice(before).filter((channel) => channel === 'accounts:list');
  };
  const setHidden = (hidden: boolean) => app.page.evaluate((value) => (window as unknown as { setHidden(value: boolean): void }).setHidden(value), hidden);
  const focus = (name: 'focus' | 'blur') => app.page.evaluate((event) => window.dispatchEvent(new FocusEvent(event)), name);

  expect(await lists(async () => {
    await setHidden(true);
    await focus('blur');
    await setHidden(false);
    await focus('focus');
  })).toEqual(['accounts:list']);
  expect(await lists(async () => {
    await focus('blur');
    await focus('focus');
  })).toEqual(['accounts:list']);
  expect(await lists(async () => {
    await setHidden(true);
    await setHidden(false);
  })).toEqual(['accounts:list']);
});
