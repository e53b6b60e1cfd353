import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test as base, expect } from './harness/fixtures';
import { browserSignIn } from './harness/browser-sign-in';
import { openSection } from './harness/popup';
import { DEFAULT_CADENCE, type CadencePolicy } from '../../electron/core/push/poll-cadence';
import { startSimulator, type SimHandle } from '../sim';
import { oktaPushState } from '../sim/okta-push';
import { FakeVerifier } from '../integration/push/fake-verifier';

const LOGIN = 'bob@example.com';
const FAST: CadencePolicy = { ...DEFAULT_CADENCE, activeIntervalMs: 200, idleIntervalMs: 500, warmIntervalMs: 200, errorBaseMs: 200, errorCapMs: 1_000 };
const SHOTS = process.env.TRAYKEY_UV_SHOTS;

let sim: SimHandle;
const verifier = new FakeVerifier();

base.beforeAll(async () => {
  sim = await startSimulator();
});
base.afterAll(async () => {
  await sim.close();
});

const password = () => sim.okta.users.find((u) => u.login === LOGIN)?.password ?? '';
const signIn = () => ({ kind: 'password' as const, username: LOGIN, password: password() });
/** The org's record of this computer's user-verification key, if it has one. */
const keyAtOrg = () => [...oktaPushState(sim.state.okta()!).enrollments.values()][0]?.userVerification?.kid;

base.use({ viewport: { width: 360, height: 520 } });

const test = base.extend<{ browserWindow: ReturnType<typeof browserSignIn>; verifierHere: boolean }>({
  verifierHere: [true, { option: true }],
  browserWindow: async ({ browser }, use) => use(browserSignIn(browser, LOGIN)),
  harnessOptions: async ({ browserWindow, verifierHere }, use) =>
    use({ now: 'system', keySource: { kind: 'passphrase', passphrase: 'e2e-uv-key' }, coreOptions: () => ({ push: { cadence: FAST, openBrowser: browserWindow.openBrowser, http: { timeoutMs: 5_000 }, ...(verifierHere ? { verifier } : {}) } }) }),
});

async function expectAccessible(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), colorScheme).toEqual([]);
  }
}

/** Light, dark and 200% pictures of the panel, for a person to look at (TRAYKEY_UV_SHOTS=dir). */
async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  const panel = page.getByRole('region', { name: 'Sign-in approvals' });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await panel.screenshot({ path: `${SHOTS}/${name}-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  // 200% of the 360-pixel-wide popup lays out 180 CSS pixels wide; tall enough to see the whole panel.
  await page.setViewportSize({ width: 180, height: 900 });
  await panel.screenshot({ path: `${SHOTS}/${name}-zoom200.png` });
  await page.setViewportSize({ width: 360, height: 520 });
}

test.describe('with Touch ID on this computer', () => {
  test('the person stops and starts using Touch ID for an org: a browser sign-in each time, the OS prompt before adding', async ({ app, harness, browserWindow }) => {
    verifier.prompts.length = 0;
    await harness.core.push.enrol({ orgUrl: sim.okta.url, clientId: sim.okta.oidcClientId, signIn: signIn() });
    expect(keyAtOrg()).toEqual(expect.any(String));
    verifier.prompts.length = 0;
    await app.open();
    const { page } = app;
    await openSection(page, 'Approvals');
    const panel = page.getByRole('region', { name: 'Sign-in approvals' });
    await expect(panel).toContainText('Touch ID confirms it is you when');
    await expectAccessible(page);
    await shoot(page, 'uv-on');

    await panel.getByRole('button', { name: 'Stop using Touch ID' }).click();
    await expect(panel).toContainText('Finish signing in in your browser…');
    await expect(panel.getByRole('button', { name: 'Remove…' })).toBeDisabled();
    await browserWindow.signIn(password());
    await expect(page.getByText('no longer use Touch ID')).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Use Touch ID' })).toBeVisible();
    expect(keyAtOrg()).toBeUndefined();
    expect(verifier.prompts).toEqual([]);
    await shoot(page, 'uv-off');

    await panel.getByRole('button', { name: 'Use Touch ID' }).click();
    await browserWindow.signIn(password());
    await expect(panel.getByRole('button', { name: 'Stop using Touch ID' })).toBeVisible();
    expect(verifier.prompts).toEqual(['add user verification to your sign-in approvals']);
    expect(keyAtOrg()).toBe(harness.core.push.enrolments()[0]?.userVerification?.kid);
    await harness.core.push.remove({ orgUrl: sim.okta.url, signIn: signIn() });
  });

  test('the person cancels the OS prompt: nothing changes, no sign-in is asked for, and the panel says why', async ({ app, harness, browserWindow }) => {
    await harness.core.push.enrol({ orgUrl: sim.okta.url, clientId: sim.okta.oidcClientId, signIn: signIn() });
    await harness.core.push.setUserVerification({ orgUrl: sim.okta.url, enabled: false, signIn: signIn() });
    await app.open();
    const { page } = app;
    await openSection(page, 'Approvals');
    const panel = page.getByRole('region', { name: 'Sign-in approvals' });
    verifier.next = 'cancelled';
    try {
      await panel.getByRole('button', { name: 'Use Touch ID' }).click();
      await expect(panel.getByRole('alert')).toHaveText('Touch ID did not confirm you, so user verification was not added.');
    } finally {
      verifier.next = 'verified';
    }
    await expect(panel.getByRole('button', { name: 'Use Touch ID' })).toBeEnabled();
    expect(keyAtOrg()).toBeUndefined();
    expect(browserWindow.addresses).toEqual([]);
    await harness.core.push.remove({ orgUrl: sim.okta.url, signIn: signIn() });
  });
});

test.describe('without a verifier (Linux, Windows)', () => {
  test.use({ verifierHere: false });

  test('says in one sentence why Touch ID is not offered, and offers nothing that could fail', async ({ app, harness }) => {
    await harness.core.push.enrol({ orgUrl: sim.okta.url, clientId: sim.okta.oidcClientId, signIn: signIn() });
    await app.open();
    const { page } = app;
    await openSection(page, 'Approvals');
    const panel = page.getByRole('region', { name: 'Sign-in approvals' });
    await expect(panel).toContainText('Traykey can confirm it is you only with Touch ID on a Mac, so a sign-in an org requires that for cannot be approved on this computer.');
    await expect(panel.getByRole('button', { name: /Touch ID|user verification/ })).toHaveCount(0);
    await expectAccessible(page);
    await shoot(page, 'uv-none');
    await harness.core.push.remove({ orgUrl: sim.okta.url, signIn: signIn() });
  });
});
