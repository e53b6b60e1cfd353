import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test as base, expect } from './harness/fixtures';
import { openSection } from './harness/popup';
import { serveDeepLinks, type ServedDeepLinks } from './harness/deep-links';
import { browserSignIn } from './harness/browser-sign-in';
import { PolicyService } from '../../electron/core/policy/policy-service';
import { startSimulator, type SimHandle } from '../sim';

const LOGIN = 'bob@example.com';
let sim: SimHandle;
const policy = { service: new PolicyService([]) };

base.beforeAll(async () => {
  sim = await startSimulator();
  // The organisation's policy lists the simulator's org, as IT would list theirs.
  policy.service = new PolicyService([{ read: async () => ({ found: true, origin: 'test policy', value: { pushOrgs: [{ url: sim.okta.url, clientId: sim.okta.oidcClientId, name: 'Acme' }], allowOtherPushOrgs: false } }) }]);
  await policy.service.reload();
});
base.afterAll(async () => {
  await sim.close();
});

base.use({ viewport: { width: 360, height: 520 } });

const test = base.extend<{ links: ServedDeepLinks; browserWindow: ReturnType<typeof browserSignIn> }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; there are none
  links: async ({}, use) => use(serveDeepLinks()),
  browserWindow: async ({ browser }, use) => use(browserSignIn(browser, LOGIN)),
  harnessOptions: async ({ links, browserWindow }, use) =>
    use({ now: 'system', coreOptions: () => ({ policy: policy.service, deepLinks: links.inbox, push: { openBrowser: browserWindow.openBrowser, http: { timeoutMs: 5_000 } } }) }),
});

/** No serious or critical axe violations in what is on screen now, in light and dark. */
async function expectAccessible(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), colorScheme).toEqual([]);
  }
}

const password = () => sim.okta.users.find((u) => u.login === LOGIN)?.password ?? '';

test('first run offers the organisation’s org, and one click with a browser sign-in sets approvals up', async ({ app, harness, browserWindow }) => {
  await app.open();
  const { page } = app;
  const setUp = page.getByRole('button', { name: 'Set up sign-in approvals for Acme' });
  await expect(setUp).toBeVisible();
  await expect(page.getByText('Set by your organisation:')).toBeVisible();
  await expectAccessible(page);
  await setUp.click();
  await expect(page.getByText('Finish signing in in your browser…')).toBeVisible();
  await browserWindow.signIn(password());
  await expect(page.getByText('This computer now approves sign-ins for')).toBeVisible();
  await expect(setUp).toHaveCount(0);
  expect(harness.core.push.enrolments().map((e) => e.orgUrl)).toEqual([sim.okta.url]);

  await openSection(page, 'Approvals');
  const panel = page.getByRole('region', { name: 'Sign-in approvals' });
  await expect(panel).toContainText(LOGIN);
  await panel.getByRole('button', { name: 'Remove…' }).click();
  await expect(panel.getByRole('group', { name: /^Remove approvals for / }).getByRole('button', { name: 'Keep' })).toBeFocused();
  await expectAccessible(page);
  await expect(panel.getByRole('group', { name: /Set up approvals for another org/ })).toHaveCount(0);
  await expect(panel.getByText('Set up approvals for another org')).toHaveCount(0);

  // The panel and the offers inside it share one subscription: a change reloads the set-up once.
  const before = harness.server.calls.length;
  await harness.core.push.remove({ orgUrl: sim.okta.url, signIn: { kind: 'password', username: LOGIN, password: password() } });
  await expect(panel).toContainText('Not set up on this computer yet.');
  await expect(panel.getByRole('button', { name: 'Set up sign-in approvals for Acme' })).toBeVisible();
  expect(harness.server.calls.slice(before).filter((channel) => channel === 'push:setUp')).toEqual(['push:setUp']);
});

test('a traykey://enrol-push link is shown with its org, confirmed, and then enrols', async ({ app, harness, links, browserWindow }) => {
  await app.open();
  const { page } = app;
  links.open(`traykey://enrol-push?org=${encodeURIComponent(sim.okta.url)}&client=${encodeURIComponent(sim.okta.oidcClientId)}`);
  const dialog = page.getByRole('alertdialog', { name: 'Set up sign-in approvals for Acme?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(sim.okta.url);
  await expect(dialog.getByRole('button', { name: 'Dismiss' })).toBeFocused();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Set up' }).click();
  await expect(dialog).toContainText('Finish signing in in your browser…');
  await browserWindow.signIn(password());
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('This computer now approves sign-ins for')).toBeVisible();
  expect(harness.core.push.enrolments()).toHaveLength(1);
  await harness.core.push.remove({ orgUrl: sim.okta.url, signIn: { kind: 'password', username: LOGIN, password: password() } });
});

test('a link for an org the policy does not allow offers only Dismiss, and nothing is enrolled', async ({ app, harness, links }) => {
  await app.open();
  const { page } = app;
  links.open(`traykey://enrol-push?org=${encodeURIComponent('https://evil.example')}&client=0oa1`);
  const dialog = page.getByRole('alertdialog', { name: 'Set up sign-in approvals for evil.example?' });
  await expect(dialog).toContainText('Your organisation does not allow sign-in approvals with this org');
  await expect(dialog.getByRole('button', { name: 'Set up' })).toHaveCount(0);
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(harness.core.push.enrolments()).toEqual([]);
});
