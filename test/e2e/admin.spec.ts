import { test, expect } from './harness/fixtures';
import { openAdminWindow, sectionNames } from './harness/popup';
import { startSimulator, type SimHandle } from '../sim';
import { connectionIdFor } from '../../electron/core/admin/connection';
import { runsIn } from '../../electron/core/admin/enrol-record';

let sim: SimHandle;

test.beforeEach(async () => {
  sim = await startSimulator();
});
test.afterEach(async () => {
  await sim.close();
});

// The harness's default clock is fixed in 2026; the simulator checks codes against real time.
test.use({ harnessOptions: { now: 'system' } });

test('the Admin area is hidden until the adminArea setting is on', async ({ app, harness }) => {
  await app.open();
  expect(await sectionNames(app.page)).not.toContain('Admin');
  await harness.call('settings:set', { adminArea: true });
  await app.page.reload();
  expect(await sectionNames(app.page)).toContain('Admin');
});

test('an admin connects an Okta org, enrols test users with a progress bar and a results table, and cleans them up', async ({ app, harness }) => {
  await harness.call('settings:set', { adminArea: true });
  await app.open();
  const page = await openAdminWindow(app);

  await page.getByLabel('Org URL').fill(sim.okta.url);
  await page.getByLabel('Name (optional)').fill('Sim org');
  await page.getByLabel('API token').fill('wrong-token');
  await page.getByRole('button', { name: 'Test and save' }).click();
  await expect(page.getByText('The API token was rejected', { exact: false })).toBeVisible();
  expect(await harness.call('admin:connections', {})).toEqual([]);

  await page.getByLabel('API token').fill(sim.okta.apiToken);
  await page.getByRole('button', { name: 'Test and save' }).click();
  await expect(page.getByText(/^Connected to Sim org/)).toBeVisible();
  await expect(page.getByLabel('Org', { exact: true })).toHaveValue(/^okta-/);

  await page.getByLabel('How many').fill('5');
  await page.getByLabel('Login prefix').fill('e2e');
  await page.getByRole('button', { name: 'Enrol', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Users enrolled' })).toBeVisible();
  await expect(page.getByText('Finished: 5 of 5 enrolled, 0 failed')).toBeVisible({ timeout: 20_000 });
  const rows = page.locator('.admin-results tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(rows.first()).toContainText('e2e-1@example.com');
  await expect(rows.first()).toContainText('enrolled');
  await expect(rows.first().getByRole('cell').nth(3)).toHaveText('Traykey');
  await expect(page.getByRole('button', { name: 'Retry failed' })).toBeDisabled();

  // The test users' live codes, one click from the clipboard.
  const firstCode = page.getByRole('button', { name: 'Copy the code for e2e-1@example.com' });
  await expect(firstCode.locator('.code')).toHaveText(/^\d{6}$/);
  await firstCode.click();
  await expect.poll(() => harness.clipboard.current).toMatch(/^\d{6}$/);
  const first = (await harness.call('accounts:list', {})).find((account) => account.label === 'e2e-1@example.com');
  const { codes } = await harness.call('accounts:codes', { at: Date.now() });
  const live = codes.find((entry) => entry.id === first?.id);
  expect([live?.code, live?.next]).toContain(harness.clipboard.current);

  const show = page.getByLabel('Status', { exact: true });
  await show.selectOption({ label: 'Failed (0)' });
  await expect(rows).toHaveCount(0);
  await expect(page.getByText('No test user has this status.')).toBeVisible();
  await show.selectOption({ label: 'Enrolled (5)' });
  await expect(rows).toHaveCount(5);

  const accounts = await harness.call('accounts:list', {});
  expect(accounts.map((account) => account.label).sort()).toEqual(['e2e-1@example.com', 'e2e-2@example.com', 'e2e-3@example.com', 'e2e-4@example.com', 'e2e-5@example.com']);
  expect(accounts.every((account) => account.issuer === 'Sim org' && account.tags.includes('test-user'))).toBe(true);

  await page.getByRole('button', { name: 'Clean up' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete 5 test users Traykey created?' });
  await expect(dialog.getByRole('list', { name: 'Users to delete' }).getByRole('listitem')).toHaveText(['e2e-1@example.com', 'e2e-2@example.com', 'e2e-3@example.com', 'e2e-4@example.com', 'e2e-5@example.com']);
  await dialog.getByRole('button', { name: 'Delete 5 users' }).click();
  await expect(page.getByText('Deleted 5 of 5 test users.')).toBeVisible();
  await expect(rows).toHaveCount(0);
  expect(await harness.call('accounts:list', {})).toEqual([]);
  expect([...(sim.state.okta()?.users.values() ?? [])].filter((user) => user.profile.login.startsWith('e2e-'))).toEqual([]);
});

test('Retry failed continues a user whose activation failed', async ({ app, harness }) => {
  await harness.call('settings:set', { adminArea: true });
  await harness.call('admin:connect', { provider: 'okta', url: sim.okta.url, apiToken: sim.okta.apiToken });
  sim.faults.add({ kind: 'status', status: 503, method: 'POST', path: '/api/v1/users/*/factors/*/lifecycle/activate', times: 1 });
  await app.open();
  const page = await openAdminWindow(app);
  await page.getByLabel('How many').fill('2');
  await page.getByLabel('Login prefix').fill('retry');
  await page.getByRole('button', { name: 'Enrol', exact: true }).click();
  await expect(page.getByText('Finished: 1 of 2 enrolled, 1 failed')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.admin-results tbody tr', { hasText: 'failed at activate' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Retry failed' }).click();
  await expect(page.getByText('Finished: 1 of 1 enrolled, 0 failed')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.admin-results tbody tr', { hasText: 'enrolled' })).toHaveCount(2);
  expect([...(sim.state.okta()?.users.values() ?? [])].filter((user) => user.profile.login.startsWith('retry-'))).toHaveLength(2);
});

test('clean-up lists a record older than ownership notes with what to do, and Forget drops it without touching the org', async ({ app, harness }) => {
  await harness.call('settings:set', { adminArea: true });
  await harness.call('admin:connect', { provider: 'okta', url: sim.okta.url, apiToken: sim.okta.apiToken });
  const connectionId = connectionIdFor('okta', sim.okta.url);
  const run = await harness.call('admin:enrol', { connectionId, count: 1, prefix: 'old' });
  await expect.poll(async () => (await harness.call('admin:run', { runId: run.runId })).state, { timeout: 20_000 }).toBe('done');
  // What a Traykey from before ownership was recorded left in the vault.
  await harness.vault.update((doc) => {
    const runs = runsIn(doc);
    delete runs[connectionId]!['old-1@example.com']!.ownership;
    doc.adminRuns = runs;
  });
  await app.open();
  const page = await openAdminWindow(app);
  await page.getByRole('button', { name: 'Clean up' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Traykey created none of these users, so there is nothing to delete' });
  await expect(dialog.getByRole('list', { name: 'Users left alone' })).toContainText("old-1@example.com: its record is older than Traykey's note of who made each user");
  await expect(dialog.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Forget 1 record' }).click();
  await expect(page.getByText('Forgot 1 run records; nothing was changed in the org.')).toBeVisible();
  await expect(page.locator('.admin-results tbody tr')).toHaveCount(0);
  expect([...(sim.state.okta()?.users.values() ?? [])].filter((user) => user.profile.login === 'old-1@example.com')).toHaveLength(1);
  expect((await harness.call('accounts:list', {})).map((account) => account.label)).toEqual(['old-1@example.com']);
});

test('Cancel stops a run in the Admin window; every user stays recorded and Retry failed finishes them', async ({ app, harness }) => {
  await harness.call('settings:set', { adminArea: true });
  await harness.call('admin:connect', { provider: 'okta', url: sim.okta.url, apiToken: sim.okta.apiToken });
  sim.faults.add({ kind: 'latency', ms: 400, method: 'POST', path: '/api/v1/users' });
  await app.open();
  const page = await openAdminWindow(app);
  await page.getByLabel('How many').fill('24');
  await page.getByLabel('Login prefix').fill('cancel');
  await page.getByRole('button', { name: 'Enrol', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Users enrolled' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByText(/^Stopped after \d+ of 24 users$/)).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'You cancelled the run.' })).toContainText('Retry failed continues them.');
  await expect(page.getByRole('button', { name: 'Cancel', exact: true })).toHaveCount(0);
  await expect(page.locator('.admin-results tbody tr')).toHaveCount(24);

  sim.faults.clear();
  await page.getByRole('button', { name: 'Retry failed' }).click();
  await expect(page.getByText(/^Finished: \d+ of \d+ enrolled, 0 failed$/)).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.admin-results tbody tr', { hasText: 'enrolled' })).toHaveCount(24);
});
