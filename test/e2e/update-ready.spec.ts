import type { UpdaterEvent } from '../../electron/core/updates/update-state';
import { test as base, expect } from './harness/fixtures';
import { openSection } from './harness/popup';

/** An installed build's updater that finds 2.0.0 and downloads it, and records when it is asked to install. */
function newerRelease() {
  const listeners: ((event: UpdaterEvent) => void)[] = [];
  const emit = (event: UpdaterEvent) => listeners.forEach((listener) => listener(event));
  const state = { installs: 0 };
  return {
    state,
    updater: {
      check: async () => {
        emit({ type: 'checking' });
        emit({ type: 'available', version: '2.0.0' });
        emit({ type: 'downloaded', version: '2.0.0' });
      },
      quitAndInstall: () => void (state.installs += 1),
      onEvent: (listener: (event: UpdaterEvent) => void) => void listeners.push(listener),
    },
  };
}

const test = base.extend<{ release: ReturnType<typeof newerRelease> }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; there are none
  release: async ({}, use) => use(newerRelease()),
  harnessOptions: async ({ release }, use) => use({ coreOptions: () => ({ updater: release.updater }) }),
});

test('a downloaded update is announced in every view, and Restart to update installs it', async ({ app, release }) => {
  await app.open();
  const { page } = app;
  await expect(page.getByText('is ready: restart to update')).toHaveCount(0);
  await openSection(page, 'Settings');
  await page.getByRole('button', { name: 'Check now' }).click();
  const banner = page.getByRole('status').filter({ hasText: 'Traykey 2.0.0 is ready: restart to update.' }).first();
  await expect(banner).toBeVisible();
  await openSection(page, 'Accounts');
  const notice = page.getByRole('status').filter({ hasText: 'Traykey 2.0.0 is ready.' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Restart to update' }).click();
  await expect.poll(() => release.state.installs).toBe(1);
});
