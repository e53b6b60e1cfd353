import { test, expect } from './harness/fixtures';
import { popup } from './harness/popup';

test('the Admin area is switched on and off from Settings, with the keyboard', async ({ app, harness }) => {
  await app.open();
  const { page } = app;
  await expect(popup(page).nav('Admin')).toHaveCount(0);
  await popup(page).nav('Settings').click();

  const toggle = page.getByRole('switch', { name: 'Show the Admin area' });
  await expect(toggle).not.toBeChecked();
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toBeChecked();
  await expect(popup(page).nav('Admin')).toBeVisible();
  expect((await harness.call('settings:get', {})).adminArea).toBe(true);

  await page.keyboard.press('Space');
  await expect(toggle).not.toBeChecked();
  await expect(popup(page).nav('Admin')).toHaveCount(0);
  expect((await harness.call('settings:get', {})).adminArea).toBe(false);
});

test('the switch shows the saved setting when the popup opens', async ({ app, harness }) => {
  await harness.call('settings:set', { adminArea: true });
  await app.open();
  await popup(app.page).nav('Settings').click();
  await expect(app.page.getByRole('switch', { name: 'Show the Admin area' })).toBeChecked();
  await expect(popup(app.page).nav('Admin')).toBeVisible();
});
