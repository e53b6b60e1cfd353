import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import { chooseImportFile, openSection, popup } from './harness/popup';
import { importBackup } from '../../electron/core/backup/import-backup';
import { exportTraykeyBackup } from '../../electron/core/backup/traykey-backup';
import { aegisEntry, aegisPlain, twoFasEncrypted, twoFasService } from '../unit/backup/fixtures/foreign-encoders';
import { SMALL_SCRYPT } from '../unit/backup/fixtures/accounts';

const STRONG = 'violet kettle orbits a quiet lantern';
const GITHUB = { issuer: 'GitHub', label: 'alice', secret: 'JBSWY3DPEHPK3PXP' };
const BANK = { issuer: 'Bank', label: 'bob', secret: 'MFRGGZDFMZTWQ2LK' };
const totp = (issuer: string, label: string, secret: string) => ({ issuer, label, secret, type: 'totp' as const, algorithm: 'SHA1' as const, digits: 6, period: 30 });

/** Drops a file on the import card as a person dragging it from their file manager would. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(([fileName, content]) => {
    const data = new DataTransfer();
    data.items.add(new File([content], fileName));
    return data;
  }, [name, text] as const);
  const card = page.getByRole('region', { name: 'Import' });
  await card.dispatchEvent('dragover', { dataTransfer: transfer });
  await card.dispatchEvent('drop', { dataTransfer: transfer });
}

test('Backup saves an encrypted backup once the passphrase is strong, where the save dialog says', async ({ app, harness }) => {
  await harness.call('accounts:add', GITHUB);
  await app.open();
  const { page } = app;
  await openSection(page, 'Backup');
  const save = page.getByRole('button', { name: 'Save backup…' });
  await page.getByLabel('Backup passphrase').fill('password1');
  await expect(page.getByText(/^Very weak: This backup passphrase is too easy to guess/)).toBeVisible();
  await page.getByLabel('Same passphrase again').fill('password1');
  await expect(save).toBeDisabled();

  await page.getByLabel('Backup passphrase').fill(STRONG);
  await page.getByLabel('Same passphrase again').fill(STRONG);
  await expect(page.getByRole('meter', { name: 'Passphrase strength' })).toHaveAttribute('aria-valuetext', /strong/i);
  harness.dialogs.nextSave = join(harness.home, 'mine.backup');
  await save.click();
  await expect(popup(page).toast).toContainText(`Backed up 1 accounts to ${join(harness.home, 'mine.backup')}.`);
  expect(harness.dialogs.shown).toEqual([{ kind: 'save', title: 'Save the encrypted backup', defaultName: expect.stringMatching(/^traykey-\d{4}-\d{2}-\d{2}\.backup$/) }]);
  const back = await importBackup(await readFile(join(harness.home, 'mine.backup')), { passphrase: STRONG });
  expect(back.accounts).toEqual([totp('GitHub', 'alice', GITHUB.secret)]);
  await expect(page.getByLabel('Backup passphrase')).toHaveValue('');
});

test('importing an encrypted Traykey backup shows new, duplicate and changed-secret accounts and saves only the chosen ones', async ({ app, harness }) => {
  await harness.call('accounts:add', GITHUB);
  await harness.call('accounts:add', BANK);
  const file = join(harness.home, 'old.backup');
  await writeFile(file, await exportTraykeyBackup([totp('New', 'carol', 'ONSWG4TFOQ'), totp('Other', 'renamed', GITHUB.secret), totp('Bank', 'bob', 'KRSXG5CTMVRXEZLU')], STRONG, { scrypt: SMALL_SCRYPT }));
  await app.open();
  const { page } = app;
  await chooseImportFile(page, harness.dialogs, file);
  await expect(page.getByText('old.backup is an encrypted Traykey backup.')).toBeVisible();
  await page.getByLabel('Its passphrase').fill('not the passphrase');
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByText(/^The passphrase does not open this Traykey backup/)).toBeVisible();
  await page.getByLabel('Its passphrase').fill(STRONG);
  await page.getByRole('button', { name: 'Open' }).click();

  const list = page.getByRole('group', { name: /^Accounts in old\.backup/ });
  await expect(list.getByRole('checkbox', { name: 'New (carol)' })).toBeChecked();
  await expect(list.getByRole('checkbox', { name: 'Other (renamed)' })).not.toBeChecked();
  await expect(list.getByRole('checkbox', { name: 'Other (renamed)' })).toHaveAccessibleDescription('Already here: same secret as GitHub (alice); importing replaces it');
  await expect(list.getByRole('checkbox', { name: 'Bank (bob)' })).toHaveAccessibleDescription('Different secret: Bank (bob) has another secret; importing replaces it');
  await list.getByRole('checkbox', { name: 'Bank (bob)' }).check();
  await page.getByRole('button', { name: 'Import 2 accounts' }).click();
  await expect(popup(page).toast).toContainText('Imported 2 accounts (1 replaced).');

  const stored = await harness.call('accounts:list', {});
  expect(stored.map((a) => `${a.issuer}/${a.label}`)).toEqual(['GitHub/alice', 'Bank/bob', 'New/carol']);
  expect((await harness.call('accounts:reveal', { id: stored[1]!.id })).secret).toBe('KRSXG5CTMVRXEZLU');
  expect(harness.server.calls).not.toContain('accounts:reveal');
});

test('a dropped Aegis export and a dropped otpauth list are previewed and imported; entries that cannot be are listed', async ({ app, harness }) => {
  await app.open();
  const { page } = app;
  await openSection(page, 'Backup');
  await dropFile(page, 'aegis.json', aegisPlain([
    aegisEntry({ type: 'totp', name: 'dana', issuer: 'Shop', info: { secret: 'ONSWG4TFOQ', algo: 'SHA1', digits: 6, period: 30 } }),
    aegisEntry({ type: 'yandex', name: 'y', issuer: 'Yandex', info: { secret: 'ONSWG4TFOQ' } }),
  ]));
  await expect(page.getByRole('list', { name: 'Cannot be imported' })).toHaveText('Entry 2 (Yandex: y): its type "yandex" is not supported (only TOTP, HOTP and Steam are)');
  await page.getByRole('button', { name: 'Import 1 account' }).click();
  await expect(popup(page).toast).toContainText('Imported 1 accounts.');

  await dropFile(page, 'links.txt', `otpauth://totp/GitHub:alice?secret=${GITHUB.secret}&issuer=GitHub\notpauth://totp/Shop:dana?secret=ONSWG4TFOQ&issuer=Shop\n`);
  const list = page.getByRole('group', { name: /^Accounts in links\.txt/ });
  await expect(list.getByRole('checkbox', { name: 'Shop (dana)' })).not.toBeChecked();
  await page.getByRole('button', { name: 'Import 1 account' }).click();
  await expect(page.getByRole('button', { name: 'Choose file…' })).toBeVisible();
  await expect.poll(async () => (await harness.call('accounts:list', {})).map((a) => a.label)).toEqual(['dana', 'alice']);
});

test('an encrypted 2FAS export asks for its password; Cancel forgets the file', async ({ app, harness }) => {
  const file = join(harness.home, 'export.2fas');
  await writeFile(file, twoFasEncrypted([twoFasService('Mail', 'KRSXG5CTMVRXEZLU', { account: 'erin', issuer: 'Mail' })], 'twofas pass'));
  await app.open();
  const { page } = app;
  await chooseImportFile(page, harness.dialogs, file);
  await expect(page.getByText('export.2fas is an encrypted 2FAS export.')).toBeVisible();
  await page.getByLabel('Its passphrase').fill('twofas pass');
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('checkbox', { name: 'Mail (erin)' })).toBeChecked();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Choose file…' })).toBeVisible();
  await expect.poll(() => harness.server.calls.includes('backup:discardImport')).toBe(true);
  expect(await harness.call('accounts:list', {})).toEqual([]);
});

test('Export to another app says the file holds secrets in clear before asking where to save it', async ({ app, harness }) => {
  await harness.call('accounts:add', GITHUB);
  await harness.call('accounts:add', BANK);
  await app.open();
  const { page } = app;
  await openSection(page, 'Export');
  await page.getByRole('radio', { name: /^Aegis file \(JSON\)/ }).check();
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByRole('alertdialog')).toHaveText(/The file holds the secrets of 2 accounts in clear: anyone who reads it can copy these accounts\./);
  expect(harness.dialogs.shown).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);

  await page.getByRole('button', { name: 'Export…' }).click();
  const unwritable = join(harness.home, 'no-such-folder', 'for-aegis.json');
  harness.dialogs.nextSave = unwritable;
  await page.getByRole('button', { name: 'Save file in clear…' }).click();
  await expect(page.getByRole('alertdialog').getByRole('alert')).toHaveText(`The file cannot be written to ${unwritable} (ENOENT).`);
  harness.dialogs.nextSave = join(harness.home, 'for-aegis.json');
  await page.getByRole('button', { name: 'Save file in clear…' }).click();
  await expect(popup(page).toast).toContainText(`Exported 2 accounts in clear to ${join(harness.home, 'for-aegis.json')}.`);
  const back = await importBackup(await readFile(join(harness.home, 'for-aegis.json')));
  expect(back).toMatchObject({ format: 'aegis', encrypted: false });
  expect(back.accounts.map((a) => a.secret)).toEqual([GITHUB.secret, BANK.secret]);
});
