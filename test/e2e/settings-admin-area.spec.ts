import { test, expect } from './harness/fixtures';
import { openSection, sectionNames } from './harness/popup';

test('the Admin area is switched on and off from Settings, with the keyboard', async ({ app, harness }) => {
  await app.open();
  const { page } = app;
  expect(await sectionNames(page)).not.toContain('Admin');
  await openSection(page, 'Settings');

  const toggle = page.getByRole('switch', { name: 'Show the Admin area' });
  await expect(toggle).not.toBeChecked();
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toBeChecked();
  await expect.poll(() => sectionNames(page)).toContain('Admin');
  expect((await harness.call('settings:get', {})).adminArea).toBe(true);

  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).not.toBeChecked();
  await expect.poll(() => sectionNames(page)).not.toContain('Admin');
  expect((await harness.call('settings:get', {})).adminArea).toBe(false);
});

test('the switch shows the saved setting when the popup opens', async ({ app, harness }) => {
  await harness.call('settings:set', { adminArea: true });
  await app.open();
  await openSection(app.page, 'Settings');
  await expect(app.page.getByRole('switch', { name: 'Show the Admin area' })).toBeChecked();
  expect(await sectionNames(app.page)).toContain('Admin');
});
