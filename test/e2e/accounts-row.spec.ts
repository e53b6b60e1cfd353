import { test, expect } from './harness/fixtures';
import { popup } from './harness/popup';
import { testSecret } from './harness/secrets';
import type { Harness } from './harness/harness';
import { parseKeyUri } from '../../electron/core/otp/key-uri';

/** 18 s into a 30 s period: 12 seconds left. */
const MID_PERIOD = Date.UTC(2026, 0, 15, 9, 0, 18);
/** 26 s into the period: 4 seconds left, inside the last five. */
const ENDING = Date.UTC(2026, 0, 15, 9, 0, 26);

async function codesOf(harness: Harness, label: string): Promise<{ code: string; next: string }> {
  const account = (await harness.call('accounts:list', {})).find((entry) => entry.label === label);
  const { codes } = await harness.call('accounts:codes', { at: harness.clock.now() });
  const live = codes.find((entry) => entry.id === account?.id);
  if (!live) throw new Error(`no code for ${label}`);
  return live;
}

const spaced = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;

test.describe('a row mid-period', () => {
  test.use({ harnessOptions: { now: MID_PERIOD } });

  test('is named with issuer, account, code and seconds left, shows a brand icon, and hides the next code', async ({ app, harness }) => {
    await harness.call('accounts:add', { issuer: 'GitHub', label: 'alice-dev', secret: testSecret(1) });
    await harness.call('accounts:add', { issuer: 'Intranet VPN', label: 'alice', secret: testSecret(2) });
    await app.page.clock.setFixedTime(MID_PERIOD);
    await app.open();
    const ui = popup(app.page);
    const { code } = await codesOf(harness, 'alice-dev');
    await expect(ui.row('alice-dev').getByRole('button', { name: `GitHub, alice-dev, ${spaced(code)}, 12 seconds left`, exact: true })).toBeVisible();
    await expect(ui.row('alice-dev').locator('.avatar svg')).toHaveCount(1);
    await expect(ui.row('Intranet VPN').locator('.avatar')).toHaveText('IV');
    await expect(ui.row('alice-dev').locator('.next-code')).toBeHidden();
  });

  test('Pin puts an account on top of the list, and it stays there after a reload', async ({ app, harness }) => {
    for (const [index, label] of ['first', 'second', 'third'].entries()) await harness.call('accounts:add', { issuer: 'Example', label, secret: testSecret(10 + index) });
    await app.open();
    const ui = popup(app.page);
    await ui.row('third').locator('.row-main').focus();
    await ui.row('third').getByRole('button', { name: 'Pin Example (third) to the top' }).click();
    await expect(ui.rows.first()).toContainText('third');
    await app.page.reload();
    await expect(ui.rows.first()).toContainText('third');
    await expect(ui.rows.nth(1)).toContainText('first');
  });
});

test('a mouse reaches Rename, Details, Pin and Delete from a hovered row without copying its code or moving any row', async ({ app, harness }) => {
  for (const [index, label] of ['alpha', 'beta', 'gamma'].entries()) await harness.call('accounts:add', { issuer: 'Example', label, secret: testSecret(30 + index) });
  await app.open();
  const ui = popup(app.page);
  const boxes = () => ui.rows.evaluateAll((rows) => rows.map((row) => JSON.stringify(row.getBoundingClientRect())));
  const before = await boxes();
  const more = ui.row('beta').getByRole('button', { name: 'Actions for Example (beta)' });
  await expect(more).toBeHidden();

  await ui.row('beta').hover();
  await expect(more).toBeVisible();
  expect(await boxes(), 'no row moves or grows on hover').toEqual(before);

  await more.click();
  const details = ui.row('beta').getByRole('button', { name: 'Details of Example (beta)' });
  await expect(ui.row('beta').getByRole('button', { name: 'Rename Example (beta)' })).toBeFocused();
  await expect(details).toBeVisible();
  expect(harness.clipboard.writes).toEqual([]);
  await details.click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Example (beta)' })).toBeVisible();
});

test.describe('a row in its last five seconds', () => {
  test.use({ harnessOptions: { now: ENDING } });

  test('previews the next code, and not when the setting is off', async ({ app, harness }) => {
    await harness.call('accounts:add', { issuer: 'GitHub', label: 'alice-dev', secret: testSecret(1) });
    await app.page.clock.setFixedTime(ENDING);
    await app.open();
    const ui = popup(app.page);
    const { next } = await codesOf(harness, 'alice-dev');
    await expect(ui.row('alice-dev').locator('.next-code')).toBeVisible();
    await expect(ui.row('alice-dev').locator('.next-code')).toContainText(spaced(next));
    await expect(ui.row('alice-dev').getByRole('button', { name: /, 4 seconds left$/ })).toBeVisible();

    await harness.call('settings:set', { nextCodePreview: false });
    await app.page.reload();
    await expect(ui.row('alice-dev').getByRole('button', { name: /, 4 seconds left$/ })).toBeVisible();
    await expect(ui.row('alice-dev').locator('.next-code')).toBeHidden();
  });
});

test('the tag filter shows only the accounts carrying the chosen tag', async ({ app, harness }) => {
  await harness.call('accounts:add', { issuer: 'GitHub', label: 'alice-dev', secret: testSecret(1) });
  for (const [index, login] of ['qa-1', 'qa-2'].entries()) {
    await harness.core.accounts.insert(parseKeyUri(`otpauth://totp/Okta:${login}?secret=${testSecret(20 + index)}&issuer=Okta`), ['test-user']);
  }
  await app.open();
  const ui = popup(app.page);
  await expect(ui.rows).toHaveCount(3);
  const filter = app.page.getByRole('group', { name: 'Show accounts tagged' });
  await filter.getByRole('button', { name: 'test-user' }).click();
  await expect(ui.rows).toHaveCount(2);
  await expect(ui.row('alice-dev')).toHaveCount(0);
  await filter.getByRole('button', { name: 'All' }).click();
  await expect(ui.rows).toHaveCount(3);
});
