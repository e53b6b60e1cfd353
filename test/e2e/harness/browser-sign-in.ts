import type { Browser } from '@playwright/test';

/**
 * The system browser as the app's BrowserOpener sees it: the address the app opens is loaded in a second
 * Chromium context, where the test signs in to the org as a person would.
 */
export function browserSignIn(browser: Browser, login: string) {
  let opened: ((url: string) => void) | undefined;
  let next = new Promise<string>((resolve) => (opened = resolve));
  const addresses: string[] = [];
  return {
    /** Every address the app opened, in order. */
    addresses,
    openBrowser: async (url: string) => {
      addresses.push(url);
      opened?.(url);
    },
    /** Waits for the app to open the sign-in page, then signs in there; ready for the next one after. */
    async signIn(password: string) {
      const url = await next;
      next = new Promise<string>((resolve) => (opened = resolve));
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      await page.getByLabel('Username').fill(login);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForLoadState();
      await context.close();
    },
  };
}
