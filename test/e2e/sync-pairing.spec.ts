/**
 * Two computers through the real UI: two harness instances, each with its own core, vault and data
 * folder and its own browser context, sharing one sync folder as two machines share a Dropbox folder.
 * One chooses the folder in the desktop's folder chooser, the other types its path; they pair
 * through the six words one shows and the other types, and an edit made on either appears
 * on the other without anyone pressing Sync now (the folder watchers carry it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import { cspViolations } from './harness/attach-page';
import { startHarness, type Harness } from './harness/harness';
import { openSection, popup } from './harness/popup';
import { testSecret } from './harness/secrets';

interface Computer {
  harness: Harness;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

async function computer(browser: Browser): Promise<Computer> {
  const harness = await startHarness({ now: 'system' });
  const context = await browser.newContext();
  const page = await context.newPage();
  await harness.attach(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(harness.url);
  await page.locator('.shell').waitFor();
  return {
    harness,
    page,
    errors,
    async close() {
      await context.close();
      await harness.close();
    },
  };
}

const syncHealth = (page: Page) => page.locator('.sync-health');
const devices = (page: Page) => page.getByRole('list', { name: 'Devices in the sync group' }).getByRole('listitem');

test('two computers pair through the pairing words, and an edit on either appears on the other', async ({ browser }) => {
  test.setTimeout(90_000);
  const folder = await mkdtemp(join(tmpdir(), 'traykey-e2e-shared-'));
  const computers: Computer[] = [];
  try {
    const a = await computer(browser);
    computers.push(a);
    const b = await computer(browser);
    computers.push(b);

    await openSection(a.page, 'Settings');
    // The desktop's folder chooser (a fake in the harness) answers with the shared folder.
    a.harness.dialogs.nextFolder = folder;
    await a.page.getByRole('button', { name: 'Choose folder…' }).click();
    await expect(a.page.getByLabel('Synced folder')).toHaveValue(folder);
    await a.page.getByRole('button', { name: 'Start syncing from this computer' }).click();
    await expect(syncHealth(a.page)).toHaveText('Up to date');
    await a.page.getByRole('button', { name: 'Pair a computer' }).click();
    const words = (await a.page.locator('.sync-words').textContent()) ?? '';
    expect(words.split(' ')).toHaveLength(6);

    await openSection(b.page, 'Settings');
    await b.page.getByLabel('Synced folder').fill(folder);
    await b.page.getByLabel('Pairing words from your other computer').fill(words);
    await b.page.getByRole('button', { name: 'Join' }).click();
    await expect(devices(b.page)).toHaveCount(2);
    // A hears of the join through the folder: the words go away and B is listed.
    await expect(a.page.locator('.sync-words')).toHaveCount(0);
    await expect(devices(a.page)).toHaveCount(2);

    await openSection(a.page, 'Add');
    await a.page.getByLabel('Secret key').fill(testSecret(1));
    await a.page.getByLabel('Issuer').fill('ACME');
    await a.page.getByLabel('Account name').fill('alice');
    await a.page.getByRole('button', { name: 'Add account' }).click();
    await expect(popup(a.page).row('alice')).toBeVisible();

    await openSection(b.page, 'Accounts');
    const onB = popup(b.page);
    await expect(onB.row('alice')).toContainText('ACME');
    await onB.row('alice').getByRole('button', { name: /^ACME, alice, / }).focus();
    await onB.row('alice').getByRole('button', { name: 'Rename ACME (alice)' }).click();
    await b.page.getByLabel('Label').fill('alice@acme.test');
    await b.page.getByRole('button', { name: 'Save' }).click();
    await expect(onB.row('alice@acme.test')).toBeVisible();

    await expect(popup(a.page).row('alice@acme.test')).toContainText('ACME');
    expect((await a.harness.call('accounts:list', {})).map((account) => account.label)).toEqual(['alice@acme.test']);
    for (const { page, errors } of computers) {
      expect(await cspViolations(page), 'CSP violations').toEqual([]);
      expect(errors, 'uncaught page errors').toEqual([]);
    }
  } finally {
    for (const entry of computers) await entry.close();
    await rm(folder, { recursive: true, force: true });
  }
});

test('a typed folder that is not a full path, or not there, is refused with a sentence under the field, and nothing starts', async ({ browser }) => {
  const root = await mkdtemp(join(tmpdir(), 'traykey-e2e-typed-'));
  const solo = await computer(browser);
  try {
    await openSection(solo.page, 'Settings');
    const field = solo.page.getByLabel('Synced folder');
    await field.fill('Dropbox/Traykey');
    await solo.page.getByRole('button', { name: 'Start syncing from this computer' }).click();
    await expect(field).toHaveAccessibleDescription(/The path “Dropbox\/Traykey” is not a full path: type it from the top of the drive, like \/home\/you\/Dropbox\/Traykey, or pick it with the Choose folder… button\./);
    await expect(field).toHaveAttribute('aria-invalid', 'true');

    await field.fill(join(root, 'Dropbx', 'Traykey'));
    await solo.page.getByRole('button', { name: 'Start syncing from this computer' }).click();
    await expect(field).toHaveAccessibleDescription(new RegExp(`The folder ${join(root, 'Dropbx')} is not on this computer`));
    expect((await solo.harness.call('sync:status', {})).health).toBe('off');
    // The chooser cancelled leaves the typed path as it was.
    await solo.page.getByRole('button', { name: 'Choose folder…' }).click();
    await expect(field).toHaveValue(join(root, 'Dropbx', 'Traykey'));
  } finally {
    await solo.close();
    await rm(root, { recursive: true, force: true });
  }
});
