/** Locators for the popup, named the way a person describes what they see. */
import type { Locator, Page } from '@playwright/test';
import type { App } from './fixtures';

export function popup(page: Page) {
  return {
    search: page.getByRole('searchbox', { name: 'Search accounts' }),
    rows: page.locator('#account-list > li'),
    row: (text: string): Locator => page.locator('#account-list > li', { hasText: text }),
    code: (text: string): Locator => page.locator('#account-list > li', { hasText: text }).locator('.code'),
    toast: page.getByRole('status', { name: 'Messages' }),
  };
}

/** The order of the rows' names as shown. */
export async function shownOrder(page: Page): Promise<string[]> {
  const labels = await page.locator('#account-list > li .row-label').allTextContents();
  // Each label ends in the comma screen readers hear between it and the code.
  return labels.map((label) => label.replace(/, $/, ''));
}

/** Areas that live inside Add rather than in the header. */
const INSIDE_ADD = ['Scan'];

/**
 * Goes to an area the way a person would: its header button, a tab inside Add, or the "More" menu
 * for the areas behind it (Transfer, Backup, Settings, Admin).
 */
/** Backup → Import → Choose file…, the desktop's file chooser (the harness's fake) answering with `file`. */
export async function chooseImportFile(page: Page, dialogs: { nextOpen?: string | null }, file: string): Promise<void> {
  await openSection(page, 'Backup');
  dialogs.nextOpen = file;
  await page.getByRole('button', { name: 'Choose file…' }).click();
}

export async function openSection(page: Page, name: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Sections' });
  // The header is drawn once settings are in; until then no button can be told apart from a missing one.
  await nav.getByRole('button', { name: 'More' }).waitFor();
  if (INSIDE_ADD.includes(name)) {
    await openSection(page, 'Add');
    await page.getByRole('tab', { name }).click();
    return;
  }
  const direct = nav.getByRole('button', { name, exact: true });
  if ((await direct.count()) > 0) {
    await direct.click();
    return;
  }
  await nav.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menuitem', { name, exact: true }).click();
}

/** The names of every area a person can reach from the header, including those in the "More" menu. */
export async function sectionNames(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Sections' });
  const more = nav.getByRole('button', { name: 'More' });
  const header = await nav.locator(':scope > button').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''));
  await more.click();
  const menu = await page.getByRole('menuitem').allTextContents();
  await page.keyboard.press('Escape');
  return [...header.filter((name) => name !== 'More'), ...menu];
}

/** Opens the Admin window the way a person does (More → Admin) and returns its page. */
export async function openAdminWindow(app: App): Promise<Page> {
  await openSection(app.page, 'Admin');
  return app.adminWindow();
}
