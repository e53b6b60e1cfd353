import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './harness/fixtures';
import { openSection, popup, sectionNames } from './harness/popup';
import { jsonPolicyFile } from '../../electron/core/policy/linux-policy-file';
import { PolicyService } from '../../electron/core/policy/policy-service';

const STRICT = join(import.meta.dirname, '../fixtures/policy/strict.json');
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

test.describe('under the strict policy fixture', () => {
  const policy = new PolicyService([jsonPolicyFile(STRICT)]);
  test.beforeAll(async () => {
    await policy.reload();
  });
  // An installed build's updater that finds nothing: enough for the Updates card to show its controls.
  const updater = { check: async () => undefined, quitAndInstall: () => undefined, onEvent: () => undefined };
  test.use({ harnessOptions: { coreOptions: () => ({ policy, updater }) } });

  test('switched-off areas and buttons are gone, and managed settings say who set them', async ({ app, harness }) => {
    const { id } = await harness.call('accounts:add', { issuer: 'ACME', label: 'alice', secret: SECRET });
    await app.open();
    const { page } = app;
    const ui = popup(page);
    await expect.poll(() => sectionNames(page)).toEqual(['Accounts', 'Add', 'Approvals', 'Backup', 'Settings']);
    // Importing stays; exporting a backup is switched off, and main refuses it too.
    await openSection(page, 'Backup');
    await expect(page.getByText('Exporting a backup is switched off by your organisation')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Choose file…' })).toBeVisible();
    await expect(harness.call('backup:export', { passphrase: 'violet kettle orbits a quiet lantern' })).rejects.toThrow(/switched off by your organisation/);
    await expect(harness.call('backup:exportForApp', { format: 'uris' })).rejects.toThrow(/switched off by your organisation/);
    await openSection(page, 'Accounts');

    await ui.row('alice').getByRole('button', { name: /^ACME, alice, / }).focus();
    await ui.row('alice').getByRole('button', { name: 'Details of ACME (alice)' }).click();
    await expect(page.getByText('showing an account’s secret or QR code is switched off.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Show secret…' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Show as QR code…' })).toHaveCount(0);
    await expect(harness.call('accounts:reveal', { id })).rejects.toThrow(/switched off by your organisation/);

    await openSection(page, 'Settings');
    await expect(page.getByText('copied codes are cleared after at most 15 seconds.')).toBeVisible();
    await expect(page.getByText('Traykey locks after at most 2 minutes unused.')).toBeVisible();
    await expect(page.getByRole('switch', { name: 'Show the Admin area' })).toBeDisabled();
    await expect(page.getByRole('switch', { name: 'Check for updates automatically' })).toBeDisabled();
    await expect(page.getByText('updates come from the latest channel.')).toBeVisible();

    const lockField = page.getByRole('spinbutton', { name: 'Lock after this many minutes unused' });
    await lockField.fill('30');
    await page.getByRole('form', { name: 'Locking' }).getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Enter a whole number from 1 to 2: Traykey locks after at most 2 minutes unused.')).toBeVisible();
    expect((await harness.call('settings:get', {})).lockAfterMinutes).toBe(2);
  });
});

test.describe('with a policy that fails validation', () => {
  let dir: string;
  const policy = { service: undefined as PolicyService | undefined };
  test.beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'traykey-policy-'));
    const file = join(dir, 'policy.json');
    await writeFile(file, JSON.stringify({ disabledFeatures: ['transfer', 'teleport'], colour: 'blue' }));
    policy.service = new PolicyService([jsonPolicyFile(file)]);
    await policy.service.reload();
  });
  test.afterAll(() => rm(dir, { recursive: true, force: true }));
  test.use({ harnessOptions: { coreOptions: () => (policy.service ? { policy: policy.service } : {}) } });

  test('a banner tells the person to tell IT, and what could be read applies', async ({ app }) => {
    await app.open();
    const { page } = app;
    const banner = page.getByRole('status').filter({ hasText: 'Your organisation’s settings for Traykey have a problem' });
    await expect(banner).toBeVisible();
    await banner.getByText('tell your IT team').click();
    await expect(banner).toContainText('unknown setting "colour"');
    await expect(banner).toContainText('(teleport); the others are switched off.');
    expect(await sectionNames(page)).not.toContain('Transfer');
  });
});

test('without a policy nothing is managed and no banner shows', async ({ app }) => {
  await app.open();
  await expect(app.page.getByText('Set by your organisation')).toHaveCount(0);
  await expect(app.page.getByText('have a problem')).toHaveCount(0);
  expect(await sectionNames(app.page)).toContain('Transfer');
  await openSection(app.page, 'Settings');
  await expect(app.page.getByText('This copy of Traykey is not updated by itself: update it the way it was installed.')).toBeVisible();
  await expect(app.page.getByRole('button', { name: 'Check now' })).toHaveCount(0);
});
