import { test, expect } from './harness/fixtures';
import { testSecret } from './harness/secrets';
import { openSection, popup, shownOrder } from './harness/popup';


test.describe('keyboard-first popup', () => {
  test.beforeEach(async ({ harness }) => {
    const people = [
      ['GitHub', 'alice'],
      ['Google', 'bob'],
      ['AWS', 'carol'],
    ] as const;
    for (const [index, [issuer, label]] of people.entries()) {
      await harness.call('accounts:add', { issuer, label, secret: testSecret(index) });
    }
  });

  test('typing anywhere searches, arrows move the selection and Enter copies the selected code', async ({ app, harness }) => {
    await app.open();
    const { page } = app;
    const ui = popup(page);
    // The popup's keys act on the list once it has loaded, as a person sees it before typing.
    await expect(ui.rows).toHaveCount(3);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.type('o');
    await expect(ui.search).toBeFocused();
    await expect(ui.search).toHaveValue('o');
    await expect(ui.rows).toHaveCount(2);
    await page.keyboard.press('Backspace');
    await expect(ui.rows).toHaveCount(3);

    // Typing 'o' hid alice, so the selection moved to bob, the first match, and stays there.
    const current = (text: string) => expect(ui.row(text).locator('.row-main')).toHaveAttribute('aria-current', 'true');
    await current('bob');
    await page.keyboard.press('ArrowDown');
    await current('carol');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await current('alice');
    await page.keyboard.press('ArrowDown');
    await current('bob');
    await expect(ui.search).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(ui.toast).toContainText('Copied. Clipboard clears in');
    const codes = await harness.call('accounts:codes', { at: harness.clock.now() });
    const bob = (await harness.call('accounts:list', {})).find((account) => account.label === 'bob');
    expect(harness.clipboard.current).toBe(codes.codes.find((code) => code.id === bob?.id)?.code);

    await page.keyboard.press('Escape');
    await expect(ui.search).toHaveValue('');
  });

  test('Tab reaches the rows and their actions, each with a visible focus ring', async ({ app }) => {
    await app.open();
    const { page } = app;
    const ui = popup(page);
    await ui.search.focus();
    await page.keyboard.press('Tab');
    const first = ui.row('alice').getByRole('button', { name: /^GitHub, alice, / });
    await expect(first).toBeFocused();
    const outline = await first.evaluate((element) => getComputedStyle(element).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('ArrowDown');
    await expect(ui.row('bob').getByRole('button', { name: /^Google, bob, / })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(ui.row('bob').getByRole('button', { name: 'Rename Google (bob)' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(ui.row('bob').getByRole('button', { name: 'Details of Google (bob)' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(ui.row('bob').getByRole('button', { name: 'Pin Google (bob) to the top' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(ui.row('bob').getByRole('button', { name: 'Delete Google (bob)' })).toBeFocused();
  });

  test('Alt+arrows reorder, and the order is saved', async ({ app }) => {
    await app.open();
    const { page } = app;
    // Keys pressed before the list arrives have nothing to move.
    await expect.poll(() => shownOrder(page)).toEqual(['alice', 'bob', 'carol']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => shownOrder(page)).toEqual(['alice', 'carol', 'bob']);
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => shownOrder(page)).toEqual(['bob', 'alice', 'carol']);
    await page.reload();
    await expect.poll(() => shownOrder(page)).toEqual(['bob', 'alice', 'carol']);
  });

  test('dragging a row onto another moves it there', async ({ app }) => {
    await app.open();
    const { page } = app;
    const ui = popup(page);
    await ui.row('carol').dragTo(ui.row('alice'));
    await expect.poll(() => shownOrder(page)).toEqual(['carol', 'alice', 'bob']);
    await page.reload();
    await expect.poll(() => shownOrder(page)).toEqual(['carol', 'alice', 'bob']);
  });

  test('F2 renames, Delete deletes and Ctrl+Z undoes, all from the keyboard', async ({ app }) => {
    await app.open();
    const { page } = app;
    const ui = popup(page);
    await ui.search.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('F2');
    await expect(page.getByLabel('Issuer')).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Forge');
    await page.keyboard.press('Enter');
    await expect(ui.row('alice')).toContainText('Forge');

    await ui.row('alice').getByRole('button', { name: /^Forge, alice, / }).focus();
    await page.keyboard.press('Delete');
    await expect(ui.rows).toHaveCount(2);
    await page.keyboard.press('Control+z');
    await expect(ui.rows).toHaveCount(3);
    await expect(ui.row('alice')).toContainText('Forge');
  });

  test('every button in the popup has an accessible name', async ({ app }) => {
    await app.open();
    const { page } = app;
    for (const view of ['Accounts', 'Add', 'Scan', 'Approvals', 'Transfer', 'Settings']) {
      await openSection(page, view);
      const unnamed = await page.getByRole('button').evaluateAll((buttons) =>
        buttons.filter((button) => (button.getAttribute('aria-label') ?? button.textContent ?? '').trim() === '').length,
      );
      expect(unnamed, `unnamed buttons in ${view}`).toBe(0);
    }
  });
});
