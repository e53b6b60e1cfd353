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
  /** The Admin window's size in CSS pixels (its minimum, 900 × 600, unless a test zooms). */
  adminViewport: { width: number; height: number };
  harness: Harness;
  /** The page with the bridge installed, not yet navigated (call `app.open()`). */
  app: App;
}

export interface App {
  page: Page;
  /** Loads the popup and waits until the account list (or the first screen) is on screen. */
  open(): Promise<void>;
  /**
   * The Admin window: a second page on admin.html, opened when the popup asks main for it (More →
   * Admin), as Electron would open a second window. Resolves once it is on screen.
   */
  adminWindow(): Promise<Page>;
}

export const test = base.extend<HarnessFixtures>({
  harnessOptions: [{}, { option: true }],
  adminViewport: [{ width: 900, height: 600 }, { option: true }],
  harness: async ({ harnessOptions }, use) => {
    const harness = await startHarness(harnessOptions);
    await use(harness);
    await harness.close();
  },
  app: async ({ page, context, harness, adminViewport }, use) => {
    await harness.attach(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const pages = [page];
    let admin: Promise<Page> | undefined;
    let announce: (opened: Promise<Page>) => void = () => undefined;
    const firstAdmin = new Promise<Page>((resolve, reject) => {
      announce = (opened) => void opened.then(resolve, reject);
    });
    const openAdmin = async (): Promise<Page> => {
      const window = await context.newPage();
      pages.push(window);
      window.on('pageerror', (error) => errors.push(`admin window: ${error.message}`));
      await window.setViewportSize(adminViewport);
      await harness.attach(window);
      await window.goto(`${harness.url}admin.html`);
      await window.locator('.admin-window, .unlock, .screen-message').first().waitFor();
      return window;
    };
    const stopListening = harness.onOpenAdmin(() => {
      if (admin) {
        void admin.then((window) => window.bringToFront());
        return;
      }
      admin = openAdmin();
      announce(admin);
    });
    await use({
      page,
      async open() {
        await page.goto(harness.url);
        await page.locator('.shell, .unlock, .screen-message').first().waitFor();
      },
      adminWindow: () => firstAdmin,
    });
    stopListening();
    for (const shown of pages) if (shown.url().startsWith(harness.url)) expect(await cspViolations(shown), 'CSP violations').toEqual([]);
    expect(errors, 'uncaught page errors').toEqual([]);
  },
});

export { expect };
