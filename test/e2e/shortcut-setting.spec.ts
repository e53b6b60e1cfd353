/**
 * The global shortcut in Settings, as a person changes it: press the new keys, hear why a combination
 * is refused (another app holds it, every app uses it, no modifier), cancel with Escape, turn it off
 * and back on. The OS is the harness's stand-in, which can be told that another app holds some keys.
 * Pressing the shortcut shows the popup with the cursor in the account search.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import { openSection, popup } from './harness/popup';
import { testSecret } from './harness/secrets';

const DEFAULT = 'CommandOrControl+Alt+K';

function card(page: Page) {
  const root = page.locator('.shortcut-card');
  return {
    root,
    keys: root.locator('kbd'),
    change: root.getByRole('button', { name: 'Change…' }),
    listener: root.getByRole('textbox', { name: 'New shortcut' }),
  };
}

async function openCard(app: { open(): Promise<void>; page: Page }) {
  await app.open();
  await openSection(app.page, 'Settings');
  const shortcut = card(app.page);
  await expect(shortcut.keys).toHaveText('Ctrl+Alt+K');
  return shortcut;
}

test('a new shortcut is set by pressing it, shown as people read it, and held by Traykey instead of the old one', async ({ app, harness }) => {
  const shortcut = await openCard(app);
  await shortcut.change.click();
  await expect(shortcut.listener).toBeFocused();
  await expect(shortcut.listener).toHaveText('Press the new keys…');
  // Listening, Traykey gives its keys back, so pressing them reaches Settings instead of hiding the popup.
  await expect.poll(() => harness.shortcuts.registered).toEqual([]);
  await app.page.keyboard.down('Control');
  await app.page.keyboard.down('Alt');
  await expect(shortcut.listener).toHaveText('Ctrl+Alt+…');
  await app.page.keyboard.press('j');
  await app.page.keyboard.up('Alt');
  await app.page.keyboard.up('Control');
  await expect(shortcut.keys).toHaveText('Ctrl+Alt+J');
  await expect(shortcut.root.getByText('Traykey now opens with Ctrl+Alt+J.')).toBeVisible();
  await expect(shortcut.change).toBeFocused();
  expect(harness.shortcuts.registered).toEqual(['CommandOrControl+Alt+J']);
  expect(harness.shortcuts.log).toEqual([`register ${DEFAULT}`, `unregister ${DEFAULT}`, 'register CommandOrControl+Alt+J']);
  expect((await harness.call('settings:get', {})).shortcut).toBe('CommandOrControl+Alt+J');
});

test('keys another app holds are refused in one sentence, the old shortcut stays, and Escape cancels', async ({ app, harness }) => {
  harness.shortcuts.take('CommandOrControl+Alt+J');
  const shortcut = await openCard(app);
  await shortcut.change.click();
  await app.page.keyboard.press('Control+Alt+J');
  await expect(shortcut.root.getByText('Ctrl+Alt+J is already used by another app. Choose another shortcut.')).toBeVisible();
  await expect(shortcut.listener).toBeFocused();
  expect((await harness.call('shortcut:status', {})).active).toBe(DEFAULT);

  await app.page.keyboard.press('Escape');
  await expect(shortcut.listener).toHaveCount(0);
  await expect(shortcut.keys).toHaveText('Ctrl+Alt+K');
  await expect(shortcut.change).toBeFocused();
  // Escape belonged to the listener: the popup stays up, and the old keys are Traykey's again.
  expect(harness.popupHides).toEqual([]);
  await expect.poll(() => harness.shortcuts.registered).toEqual([DEFAULT]);
  expect((await harness.call('settings:get', {})).shortcut).toBe(DEFAULT);
});

test('a key without Ctrl or Alt, and keys every app uses, are refused while it keeps listening', async ({ app, harness }) => {
  const shortcut = await openCard(app);
  await shortcut.change.click();
  await app.page.keyboard.press('k');
  await expect(shortcut.root.getByText('K alone would type in other apps: hold Ctrl or Alt as well.')).toBeVisible();
  await app.page.keyboard.press('Control+c');
  await expect(shortcut.root.getByText('Ctrl+C copies in every app, so Traykey leaves it to them: choose another shortcut.')).toBeVisible();
  // The popup's own Ctrl+2 belongs to the listener too, and is refused rather than switching sections.
  await app.page.keyboard.press('Control+2');
  await expect(shortcut.root.getByText('Ctrl+2 opens a section of the popup inside Traykey, so it cannot also open Traykey: choose another shortcut.')).toBeVisible();
  await expect(shortcut.listener).toBeFocused();
  expect(harness.shortcuts.log).toEqual([`register ${DEFAULT}`, `unregister ${DEFAULT}`]);
});

test('the shortcut can be turned off and reset to Ctrl+Alt+K', async ({ app, harness }) => {
  const shortcut = await openCard(app);
  await shortcut.root.getByRole('button', { name: 'Turn off' }).click();
  await expect(shortcut.keys).toHaveText('Off');
  await expect(shortcut.root.getByText('The shortcut is off; open Traykey from its tray icon.')).toBeVisible();
  expect(harness.shortcuts.registered).toEqual([]);
  await shortcut.root.getByRole('button', { name: 'Reset to Ctrl+Alt+K' }).click();
  await expect(shortcut.keys).toHaveText('Ctrl+Alt+K');
  await expect(shortcut.root.getByRole('button', { name: 'Reset to Ctrl+Alt+K' })).toHaveCount(0);
  expect(harness.shortcuts.registered).toEqual([DEFAULT]);
});

test('pressing the shortcut shows the account search with the cursor in it, the last search selected', async ({ app, harness }) => {
  await harness.call('accounts:add', { issuer: 'GitHub', label: 'alice-dev', secret: testSecret(1) });
  await app.open();
  const ui = popup(app.page);
  await expect(ui.rows).toHaveCount(1);
  await app.page.keyboard.type('git');
  await openSection(app.page, 'Settings');
  expect(harness.shortcuts.press(DEFAULT)).toBe(true);
  await expect(ui.search).toBeFocused();
  await expect(ui.search).toHaveValue('git');
  await app.page.keyboard.type('Gi');
  await expect(ui.search).toHaveValue('Gi');
});

test('pressing the shortcut leaves Add as it was, so a half-typed account is not lost', async ({ app, harness }) => {
  await app.open();
  await openSection(app.page, 'Add');
  const link = app.page.getByRole('textbox').first();
  await link.fill('otpauth://totp/half-typed');
  harness.shortcuts.press(DEFAULT);
  await expect(link).toHaveValue('otpauth://totp/half-typed');
});

test.describe('when another app took the saved shortcut before Traykey started', () => {
  test.use({ harnessOptions: { shortcutsTaken: [DEFAULT] } });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`Settings says so and offers Try again (axe, ${colorScheme})`, async ({ app, harness }) => {
      await app.page.emulateMedia({ colorScheme });
      await app.open();
      await openSection(app.page, 'Settings');
      const shortcut = card(app.page);
      await expect(shortcut.root.getByRole('alert')).toHaveText('Ctrl+Alt+K is already used by another app, so Traykey has no shortcut now. Choose another shortcut.');
      await shortcut.root.scrollIntoViewIfNeeded();
      const results = await new AxeBuilder({ page: app.page }).include('.shortcut-card').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
      expect(results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);

      harness.shortcuts.release(DEFAULT);
      await shortcut.root.getByRole('button', { name: 'Try again' }).click();
      await expect(shortcut.root.getByRole('alert')).toHaveCount(0);
      await expect(shortcut.root.getByText('Traykey now opens with Ctrl+Alt+K.')).toBeVisible();
      expect(harness.shortcuts.registered).toEqual([DEFAULT]);
    });
  }
});
