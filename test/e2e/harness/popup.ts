/** Locators for the popup, named the way a person describes what they see. */
import type { Locator, Page } from '@playwright/test';

export function popup(page: Page) {
  return {
    search: page.getByRole('searchbox', { name: 'Search accounts' }),
    rows: page.locator('#account-list > li'),
    row: (text: string): Locator => page.locator('#account-list > li', { hasText: text }),
    code: (text: string): Locator => page.locator('#account-list > li', { hasText: text }).locator('.code'),
    toast: page.getByRole('status'),
    nav: (name: string): Locator => page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true }),
  };
}

/** The order of the rows' names as shown. */
export async function shownOrder(page: Page): Promise<string[]> {
  return page.locator('#account-list > li .row-label').allTextContents();
}
