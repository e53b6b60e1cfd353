import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from './harness/fixtures';
import { openSection, popup } from './harness/popup';
import { testSecret } from './harness/secrets';

test.describe('a keychain-mode vault once locked', () => {
  test('hides the codes behind the lock screen and unlocks from the keychain with one click', async ({ app, harness }) => {
    await harness.call('accounts:add', { issuer: 'Locked', label: 'behind-keychain', secret: testSecret(11) });
    await app.open();
    const { page } = app;
    await expect(popup(page).row('behind-keychain')).toBeVisible();

    await harness.core.lock.lock('sleep');
    await expect(page.getByRole('heading', { name: 'Traykey is locked' })).toBeVisible();
    await expect(popup(page).rows).toHaveCount(0);
    await expect(page.getByLabel('Passphrase')).toHaveCount(0);

    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(popup(page).row('behind-keychain')).toBeVisible();
  });

  test('sets the idle timeout in Settings and locks from there too', async ({ app, harness }) => {
    await app.open();
    const { page } = app;
    await openSection(page, 'Settings');
    const minutes = page.getByLabel('Lock after this many minutes unused');
    await expect(minutes).toHaveValue('5');
    await minutes.fill('2');
    await page.getByRole('form', { name: 'Locking' }).getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await harness.call('settings:get', {})).lockAfterMinutes).toBe(2);

    await page.getByRole('button', { name: 'Lock now' }).click();
    await expect(page.getByRole('heading', { name: 'Traykey is locked' })).toBeVisible();
  });
});

/** A loopback time source whose Date header runs a minute ahead of the harness clock. */
let timeSource: Server | undefined;
let timeSourceUrl = '';
let serverNow: () => number = Date.now;

test.describe('a clock more than 15 s off', () => {
  test.beforeAll(async () => {
    timeSource = createServer((_request, response) => {
      response.setHeader('date', new Date(serverNow() + 60_000).toUTCString());
      response.end();
    });
    await new Promise<void>((resolve) => timeSource?.listen(0, '127.0.0.1', resolve));
    timeSourceUrl = `http://127.0.0.1:${(timeSource.address() as AddressInfo).port}/`;
  });
  test.afterAll(async () => {
    await new Promise<void>((resolve) => (timeSource ? timeSource.close(() => resolve()) : resolve()));
  });
  test.use({
    harnessOptions: {
      coreOptions: ({ clock }) => {
        serverNow = clock.now;
        return { timeSource: { unsafeTestUrl: timeSourceUrl } };
      },
    },
  });

  test('shows a warning banner after the check finds it', async ({ app, harness }) => {
    await harness.call('accounts:add', { issuer: 'Skew', label: 'clock', secret: testSecret(12) });
    await app.open();
    const { page } = app;
    await expect(popup(page).row('clock')).toBeVisible();
    await expect(page.locator('.clock-warning')).toHaveCount(0);

    await harness.call('clock:check', {});
    // The Date header has one-second resolution, so a minute ahead measures as 60 or 61 s.
    await expect(page.locator('.clock-warning')).toContainText(/clock is 6[01] s behind 127\.0\.0\.1/);
  });
});
