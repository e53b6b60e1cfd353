import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { test, expect } from './harness/fixtures';
import { openSection, popup } from './harness/popup';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const secretFor = (n: number) => `JBSWY3DPEHPK3PXP${'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[n]}AAAAAAAAAAAAAAA`;

/** What a phone would read from the image the page shows (decoded here in Node, not in the page). */
function readQr(src: string | null): string {
  const prefix = 'data:image/png;base64,';
  if (!src?.startsWith(prefix)) throw new Error('the image is not a PNG data URL');
  const image = PNG.sync.read(Buffer.from(src.slice(prefix.length), 'base64'));
  const found = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height);
  if (!found) throw new Error('no QR code in the image');
  return found.data;
}

test('the details view shows an account as a QR code of its link only after confirming, and Esc closes it', async ({ app, harness }) => {
  const { id } = await harness.call('accounts:add', { issuer: 'ACME', label: 'alice', secret: SECRET });
  const { uri } = await harness.call('accounts:reveal', { id });
  await app.open();
  const { page } = app;
  const ui = popup(page);
  await ui.row('alice').getByRole('button', { name: /^ACME, alice, / }).focus();
  await ui.row('alice').getByRole('button', { name: 'Details of ACME (alice)' }).click();
  await page.getByRole('button', { name: 'Show as QR code…' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('This shows the secret: anyone who sees the code can copy this account.');
  expect(harness.server.calls).not.toContain('transfer:accountQr');

  await page.getByRole('button', { name: 'Show QR code', exact: true }).click();
  const image = page.getByRole('img', { name: /^QR code for ACME \(alice\)/ });
  await expect(image).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'QR code for ACME (alice)' })).toContainText('ACME (alice)');
  expect(readQr(await image.getAttribute('src'))).toBe(uri);

  await page.keyboard.press('Escape');
  await expect(image).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'ACME (alice)' })).toBeVisible();
});

test('the transfer view exports the chosen accounts as numbered QR codes to step through', async ({ app, harness }) => {
  for (let n = 0; n < 12; n++) await harness.call('accounts:add', { issuer: 'Corp', label: `user${n}`, secret: secretFor(n) });
  await app.open();
  const { page } = app;
  await openSection(page, 'Transfer');
  await expect(page.getByRole('heading', { name: 'Transfer to phone' })).toBeVisible();
  const show = page.getByRole('button', { name: 'Show QR codes…' });
  await expect(show).toBeDisabled();

  const selectAll = page.getByRole('checkbox', { name: 'Select all' });
  await selectAll.focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'Corp (user11)' })).toBeChecked();
  await show.click();
  await expect(page.getByRole('alertdialog')).toContainText('This shows the secrets of 12 accounts');
  expect(harness.server.calls).not.toContain('transfer:migrationQrs');
  await page.getByRole('button', { name: 'Show QR codes', exact: true }).click();

  await expect(page.getByText('1 of 2', { exact: true })).toBeVisible();
  const first = readQr(await page.getByRole('img', { name: 'Transfer QR code 1 of 2' }).getAttribute('src'));
  expect(first.startsWith('otpauth-migration://offline?data=')).toBe(true);
  await page.getByRole('button', { name: 'Next' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('2 of 2', { exact: true })).toBeVisible();
  // Next is disabled at the last code; the keyboard focus stays in the panel.
  await expect(page.getByRole('button', { name: 'Done' })).toBeFocused();
  const second = readQr(await page.getByRole('img', { name: 'Transfer QR code 2 of 2' }).getAttribute('src'));
  expect(second).not.toBe(first);
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(page.getByText('1 of 2', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('img')).toHaveCount(0);
});

test('the transfer view says which account Google Authenticator cannot hold, and shows no code', async ({ app, harness }) => {
  await harness.call('accounts:add', { issuer: 'Corp', label: 'fine', secret: secretFor(0) });
  await harness.call('accounts:add', { issuer: 'Steam', label: 'gamer', secret: secretFor(1), type: 'steam' });
  await app.open();
  const { page } = app;
  await openSection(page, 'Transfer');
  await page.getByRole('checkbox', { name: 'Corp (fine)' }).check();
  await expect(page.getByRole('checkbox', { name: 'Select all' })).not.toBeChecked();
  await page.getByRole('checkbox', { name: 'Steam (gamer)' }).check();
  await expect(page.getByRole('checkbox', { name: 'Select all' })).toBeChecked();
  await page.getByRole('button', { name: 'Show QR codes…' }).click();
  await page.getByRole('button', { name: 'Show QR codes', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Steam (gamer) cannot be exported to Google Authenticator: it does not support Steam Guard codes.');
  await expect(page.getByRole('img')).toHaveCount(0);
});
