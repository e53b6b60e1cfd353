import { test, expect } from './harness/fixtures';
import { fakeScreenShares, showOnScreens, type FakeScreen } from './harness/fake-screens';
import { openSection } from './harness/popup';
import { encodePng } from '../bench/qr-corpus/encode';
import { LIGHT, renderPage, type PlacedCode } from '../bench/qr-corpus/page';
import { migrationUri } from '../bench/qr-corpus/payloads';
import { seededRandom } from '../bench/qr-corpus/prng';
import type { CodeStyle } from '../bench/qr-corpus/raster';
import { PAIRING_WORDS } from '../../electron/core/sync/pairing/words';

const style: CodeStyle = { moduleWidth: 4, moduleHeight: 4, rotation: 0, dark: [0, 0, 0], light: [255, 255, 255], errorCorrection: 'M', margin: 4 };
const SECRET = 'JBSWY3DPEHPK3PXP';
const image = (codes: string[]) =>
  Buffer.from(encodePng(renderPage(900, 650, LIGHT, codes.map((text, i): PlacedCode => ({ text, style, at: [0.03 + 0.5 * (i % 2), 0.05 + 0.5 * Math.floor(i / 2)] })), seededRandom(5))));

test('an opened image shows every code found, and the chosen accounts are saved with duplicates replaced on request', async ({ app, harness }) => {
  await harness.call('accounts:add', { issuer: 'Acme', label: 'alice', secret: SECRET });
  await app.open();
  const { page } = app;
  await openSection(page, 'Scan');
  const transfer = migrationUri(
    [
      { issuer: 'Okta', name: 'carol', secret: Uint8Array.from({ length: 10 }, (_, i) => i + 1), type: 'totp' },
      { issuer: 'AWS', name: 'dave', secret: Uint8Array.from({ length: 10 }, (_, i) => i + 60), type: 'totp' },
    ],
    { index: 1, size: 3, id: 9 },
  );
  await page.getByLabel('Image file').setInputFiles({
    name: 'setup.png',
    mimeType: 'image/png',
    buffer: image([`otpauth://totp/Acme:alice?secret=KRSXG5CTMVRXEZLU&issuer=Acme`, 'https://example.com/help', transfer]),
  });
  await expect(page.locator('.scan-status')).toHaveText(/3 QR codes found in setup\.png/);
  const found = page.getByLabel('Found codes');
  await expect(found).toContainText('Google Authenticator transfer: 1 of 3 scanned');
  await expect(found).toContainText('code 2 of 3');
  await expect(found).toContainText('Web address (not an account, not saved): https://example.com/help');
  await expect(found).toContainText('Already saved as Acme (alice)');
  await found.getByRole('checkbox', { name: 'AWS (dave)' }).uncheck();
  await found.getByRole('radio', { name: 'Replace' }).check();
  await page.getByRole('button', { name: 'Save 2 accounts' }).click();
  await expect(page.getByText('Added 1, replaced 1, skipped 1.')).toBeVisible();
  const accounts = await harness.call('accounts:list', {});
  expect(accounts.map((a: { issuer: string }) => a.issuer).sort()).toEqual(['Acme', 'Okta']);
});

test('a dropped image is decoded off the UI thread, and an image without a code says so', async ({ app }) => {
  await app.open();
  const { page } = app;
  await openSection(page, 'Scan');
  const drop = async (name: string, bytes: Buffer) => {
    const transfer = await page.evaluateHandle(
      ({ name, data }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([Uint8Array.from(data)], name, { type: 'image/png' }));
        return dt;
      },
      { name, data: [...bytes] },
    );
    await page.locator('.scan-drop').dispatchEvent('drop', { dataTransfer: transfer });
  };
  await drop('blank.png', image([]));
  await expect(page.locator('.scan-status')).toHaveText('No QR code found in blank.png.');
  await drop('one.png', image([`otpauth://totp/Beta:bob?secret=${SECRET}&issuer=Beta`]));
  await expect(page.getByLabel('Found codes')).toContainText('Beta (bob)');
  await expect(page.getByRole('button', { name: 'Save 1 account' })).toBeEnabled();
});

test('an image pasted from the clipboard is scanned', async ({ app }) => {
  await app.open();
  const { page } = app;
  await openSection(page, 'Scan');
  const bytes = image([`otpauth://totp/Gamma:erin?secret=${SECRET}&issuer=Gamma`]);
  await page.evaluate((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(data)], 'image.png', { type: 'image/png' }));
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [...bytes]);
  await expect(page.locator('.scan-status')).toHaveText(/1 QR code found in the pasted image/);
  await expect(page.getByLabel('Found codes')).toContainText('Gamma (erin)');
});

test.describe('scanning the screens', () => {
  const screen = (label: string, width: number, height: number, codes: string[]): FakeScreen => ({
    label,
    width,
    height,
    png: encodePng(renderPage(width, height, LIGHT, codes.map((text, i): PlacedCode => ({ text, style, at: [0.1 + 0.45 * i, 0.2] })), seededRandom(7))),
  });
  const transfer = (index: number) => migrationUri([{ issuer: `Bank${index}`, name: 'zoe', secret: Uint8Array.from({ length: 10 }, (_, i) => i + 20 * index + 3), type: 'totp' }], { index, size: 2, id: 4 });
  const SCREENS = [screen('Built-in', 1920, 1080, [`otpauth://totp/Delta:dan?secret=${SECRET}&issuer=Delta`]), screen('DELL U2720Q', 2560, 1440, [transfer(0)])];

  test.use({ harnessOptions: { coreOptions: () => ({ screens: fakeScreenShares(SCREENS) }) } });

  test('every screen is captured by the page itself, decoded once, and saved by token: no pixels and no secret cross to main twice', async ({ app, harness }) => {
    await showOnScreens(app.page, SCREENS);
    await app.open();
    const { page } = app;
    await openSection(page, 'Scan');
    await page.getByRole('button', { name: 'Scan screen' }).click();
    await expect(page.locator('.scan-status')).toHaveText('2 QR codes found on your 2 screens.');
    const found = page.getByLabel('Found codes');
    await expect(found).toContainText('Delta (dan)');
    await expect(found).toContainText('Google Authenticator transfer: 1 of 2 scanned');
    await expect(found).not.toContainText(SECRET);
    await page.getByRole('button', { name: 'Save 2 accounts' }).click();
    await expect(page.getByText('Added 2, replaced 0, skipped 0.')).toBeVisible();
    expect((await harness.call('accounts:list', {})).map((a: { issuer: string }) => a.issuer).sort()).toEqual(['Bank0', 'Delta']);

    const scanTraffic = harness.server.traffic.filter((t) => t.channel.startsWith('scan:'));
    expect(scanTraffic.map((t) => t.channel)).toEqual(['scan:screens', 'scan:preview', 'scan:import']);
    // The texts travel once, to main; the import names only the token and the choices.
    const sent = (channel: string) => scanTraffic.find((t) => t.channel === channel)!.sent;
    expect(sent('scan:import')).toBeLessThan(200);
    expect(scanTraffic.reduce((n, t) => n + t.sent + t.received, 0)).toBeLessThan(4096);
  });

  test('a screen the desktop refuses to share gives a sentence to act on, and nothing reaches main', async ({ app, harness }) => {
    // What the page sees when Electron's display-media handler refuses (or the OS denies screen recording).
    await app.page.addInitScript(() => {
      navigator.mediaDevices.getDisplayMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
    await app.open();
    const { page } = app;
    await openSection(page, 'Scan');
    await page.getByRole('button', { name: 'Scan screen' }).click();
    await expect(page.getByRole('alert')).toHaveText(/could not capture your screens\. Allow screen recording for Traykey/);
    await expect(page.getByRole('button', { name: 'Scan screen' })).toBeEnabled();
    expect(harness.server.calls.filter((c) => c.startsWith('scan:'))).toEqual(['scan:screens']);
  });

  test.describe('one screen, scanned twice', () => {
    const ONE = [screen('Built-in', 1920, 1080, [transfer(0)])];
    test.use({ harnessOptions: { coreOptions: () => ({ screens: fakeScreenShares(ONE) }) } });

    test('the next code of a transfer scanned later joins the same scan, and Clear makes main forget it', async ({ app, harness }) => {
      // The page's screen shows the first code, then (as a person scrolls their phone's export) the second.
      await showOnScreens(app.page, [...ONE, screen('Built-in', 1920, 1080, [transfer(1)])]);
      await app.open();
      const { page } = app;
      await openSection(page, 'Scan');
      const scan = page.getByRole('button', { name: 'Scan screen' });
      await scan.click();
      await expect(page.getByLabel('Found codes')).toContainText('Google Authenticator transfer: 1 of 2 scanned; show the next code and scan again.');
      await scan.click();
      await expect(page.getByLabel('Found codes')).toContainText('Google Authenticator transfer: 2 of 2 scanned.');
      await page.getByRole('button', { name: 'Clear' }).click();
      await expect(page.getByLabel('Found codes')).toHaveCount(0);
      await expect.poll(() => harness.server.calls.filter((c) => c.startsWith('scan:'))).toEqual(['scan:screens', 'scan:preview', 'scan:screens', 'scan:preview', 'scan:discard']);
    });
  });
});

test('a scanned sync pairing code from another computer opens Settings → Sync with its words filled in, and is never saved as an account', async ({ app, harness }) => {
  await app.open();
  const { page } = app;
  await openSection(page, 'Scan');
  const words = PAIRING_WORDS.slice(10, 16);
  await page.getByLabel('Image file').setInputFiles({ name: 'pairing.png', mimeType: 'image/png', buffer: image([`traykey-sync:${words.join('-')}`]) });
  const found = page.getByLabel('Found codes');
  await expect(found).toContainText('Sync pairing code from your other computer (not an account).');
  await expect(found).not.toContainText(words[0]!);
  await found.getByRole('button', { name: 'Join its sync…' }).click();
  await expect(page.getByRole('heading', { name: 'Sync' })).toBeVisible();
  await expect(page.getByLabel('Pairing words from your other computer')).toHaveValue(words.join(' '));
  await expect(page.getByLabel('Synced folder')).toBeFocused();
  expect(await harness.call('accounts:list', {})).toEqual([]);
});
