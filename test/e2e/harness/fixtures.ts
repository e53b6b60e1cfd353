/**
 * Playwright fixtures: every test gets its own harness (fresh home, vault, core and clipboard)
 * and a page already wired to it. Override `harnessOptions` with `test.use({ harnessOptions })`.
 * After each test, any Content-Security-Policy violation the page reported fails it.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { cspViolations } from './attach-page';
import { startHarness, type Harness, type HarnessOptions } from './harness';

interface HarnessFixtures {
  harnessOptions: HarnessOptions;
  harness: Harness;
  /** The page with the bridge installed, not yet navigated (call `app.open()`). */
  app: App;
}

export interface App {
  page: Page;
  /** Loads the popup and waits until the account list (or the first screen) is on screen. */
  open(): Promise<void>;
}

export const test = base.extend<HarnessFixtures>({
  harnessOptions: [{}, { option: true }],
  harness: async ({ harnessOptions }, use) => {
    const harness = await startHarness(harnessOptions);
    await use(harness);
    await harness.close();
  },
  app: async ({ page, harness }, use) => {
    await harness.attach(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use({
      page,
      async open() {
        await page.goto(harness.url);
        await page.locator('.shell, .unlock, .screen-message').first().waitFor();
      },
    });
    if (page.url().startsWith(harness.url)) expect(await cspViolations(page), 'CSP violations').toEqual([]);
    expect(errors, 'uncaught page errors').toEqual([]);
  },
});

export { expect };
