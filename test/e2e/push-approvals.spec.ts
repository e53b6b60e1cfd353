import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import type { Harness } from './harness/harness';
import { main } from '../../electron/cli/main';
import { DEFAULT_CADENCE, type CadencePolicy } from '../../electron/core/push/poll-cadence';
import { startSimulator, type SimHandle } from '../sim';

const LOGIN = 'bob@example.com';
/** Fast polling so the tests wait a fraction of a second, not the app's real cadence. */
const FAST: CadencePolicy = { ...DEFAULT_CADENCE, activeIntervalMs: 200, idleIntervalMs: 500, warmIntervalMs: 200, activeWindowMs: 600_000, errorBaseMs: 200, errorCapMs: 1_000 };

let sim: SimHandle;
let requesterHome: string;

test.beforeAll(async () => {
  sim = await startSimulator();
  await fetch(`${sim.okta.url}/__sim/okta-push/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cibaIntervalSeconds: 1 }) });
  requesterHome = await mkdtemp(join(tmpdir(), 'traykey-e2e-requester-'));
});

test.afterAll(async () => {
  await sim.close();
  await rm(requesterHome, { recursive: true, force: true });
});

test.use({ harnessOptions: { now: 'system', keySource: { kind: 'passphrase', passphrase: 'e2e-push' }, coreOptions: () => ({ push: { cadence: FAST, http: { timeoutMs: 5_000 } } }) } });

async function enrol(harness: Harness): Promise<void> {
  const password = sim.okta.users.find((u) => u.login === LOGIN)?.password ?? '';
  await harness.core.push.enrol({ orgUrl: sim.okta.url, clientId: sim.okta.oidcClientId, signIn: { kind: 'password', username: LOGIN, password } });
}

async function unenrol(harness: Harness): Promise<void> {
  const password = sim.okta.users.find((u) => u.login === LOGIN)?.password ?? '';
  await harness.core.push.remove({ orgUrl: sim.okta.url, signIn: { kind: 'password', username: LOGIN, password } });
}

/** `traykey confirm okta …` in-process, as the helpdesk would run it. */
function confirm(message: string, extra: string[] = []): { done: Promise<number>; stderr: () => string } {
  let stderr = '';
  const io = {
    stdout: () => undefined,
    stderr: (text: string) => void (stderr += text),
    env: { TRAYKEY_HOME: requesterHome, TRAYKEY_PASSPHRASE: 'requester', OKTA_CLIENT_ID: sim.okta.ciba.clientId, OKTA_CLIENT_SECRET: sim.okta.ciba.clientSecret },
  };
  return { done: main(['confirm', 'okta', '--org', sim.okta.url, '--user', LOGIN, '--message', message, ...extra], io), stderr: () => stderr };
}

async function challenge(body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sim.okta.url}/__sim/okta-push/challenges`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: LOGIN, ...body }) });
  expect(response.status).toBe(201);
}

const cards = (page: Page) => page.getByTestId('approval');
const section = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${name}`) });
/** A request never switches views on its own: the person opens Approvals. */
const openApprovals = (page: Page) => section(page, 'Approvals').click();

test.describe('approving sign-in requests in the popup', () => {
  test('a CIBA request shows with its binding message; clicking Approve lets the requester in', async ({ app, harness }) => {
    await enrol(harness);
    await app.open();
    await openApprovals(app.page);
    const request = confirm('Helpdesk call 4711');
    const card = cards(app.page);
    await expect(card).toHaveCount(1);
    await expect(card.getByLabel('Message from the requester')).toHaveText('Helpdesk call 4711');
    await expect(card).toContainText('Helpdesk verification');
    await expect(card).toContainText('Expires in');
    const approve = card.getByRole('button', { name: 'Approve' });
    await expect(approve).not.toBeFocused();
    await approve.click();
    await expect(card).toHaveCount(0);
    expect(await request.done).toBe(0);
    await unenrol(harness);
  });

  test('“No, it wasn’t me”, reached with the keyboard, denies; the requester exits 1 and the screen says what to do next', async ({ app, harness }) => {
    await enrol(harness);
    await app.open();
    await openApprovals(app.page);
    const request = confirm('Deny me please');
    const deny = cards(app.page).getByRole('button', { name: 'No, it wasn’t me' });
    await expect(deny).toBeVisible();
    for (let i = 0; i < 20 && !(await deny.evaluate((el) => el === document.activeElement)); i += 1) await app.page.keyboard.press('Tab');
    await expect(deny).toBeFocused();
    await app.page.keyboard.press('Enter');
    expect(await request.done).toBe(1);
    expect(request.stderr()).toContain('denied the request');
    await expect(cards(app.page)).toHaveCount(0);
    const outcome = app.page.getByTestId('approval-outcome');
    await expect(outcome).toContainText('help desk');
    await expect(outcome.getByRole('link')).toHaveAttribute('href', sim.okta.url);
    await unenrol(harness);
  });

  test('an unanswered request expires, the view clears itself, and nothing was approved', async ({ app, harness }) => {
    await enrol(harness);
    await app.open();
    await openApprovals(app.page);
    const request = confirm('Nobody answers this', ['--expires-in', '3']);
    await expect(cards(app.page)).toHaveCount(1);
    await expect(cards(app.page)).toHaveCount(0, { timeout: 6_000 });
    await expect(app.page.getByText('No sign-in requests are waiting.')).toBeVisible();
    expect(await request.done).toBe(1);
    expect(request.stderr()).toContain('expired');
    await unenrol(harness);
  });

  test('forged, replayed, expired and misaddressed challenges are never shown', async ({ app, harness }) => {
    await enrol(harness);
    await app.open();
    await openApprovals(app.page);
    await challenge({ appInstanceName: 'Payroll' });
    await expect(cards(app.page)).toHaveCount(1);
    await cards(app.page).getByRole('button', { name: 'Approve' }).click();
    await expect(cards(app.page)).toHaveCount(0);
    for (const tamper of ['replay', 'foreign-key', 'expired', 'other-enrollment']) await challenge({ tamper, appInstanceName: `Tampered ${tamper}` });
    await challenge({ appInstanceName: 'Wiki' });
    await expect(cards(app.page)).toHaveCount(1);
    await expect(cards(app.page)).toContainText('Wiki');
    await expect(cards(app.page).filter({ hasText: /Tampered|Payroll/ })).toHaveCount(0);
    await unenrol(harness);
  });

  test('a request arriving while the Add form holds text keeps the form and its text; the badge counts 1 and a screen reader hears it', async ({ app, harness }) => {
    await enrol(harness);
    await app.open();
    await section(app.page, 'Add').click();
    const secret = app.page.getByLabel('Secret key');
    await secret.fill('JBSWY3DPEHPK3PXP');
    await app.page.getByLabel('Account name').fill('half-typed@example.com');
    await challenge({ appInstanceName: 'Payroll' });
    await expect(section(app.page, 'Approvals').locator('.nav-badge')).toHaveText('1');
    await expect(app.page.getByRole('status').filter({ hasText: 'A sign-in request for Payroll is waiting in Approvals.' })).toHaveCount(1);
    await expect(secret).toHaveValue('JBSWY3DPEHPK3PXP');
    await expect(app.page.getByLabel('Account name')).toHaveValue('half-typed@example.com');
    await expect(section(app.page, 'Add')).toHaveAttribute('aria-current', 'page');
    await openApprovals(app.page);
    await cards(app.page).getByRole('button', { name: 'No, it wasn’t me' }).click();
    await expect(section(app.page, 'Approvals').locator('.nav-badge')).toHaveCount(0);
    await unenrol(harness);
  });

  test('two requests within seconds are listed oldest first, flagged as possible push bombing, and each is answered on its own in either order', async ({ app, harness }) => {
    await enrol(harness);
    await app.open();
    await openApprovals(app.page);
    await challenge({ appInstanceName: 'First app', clientOS: 'MAC_OS_X' });
    await challenge({ appInstanceName: 'Second app', clientOS: 'WINDOWS', clientLocation: 'Lagos, Lagos, Nigeria' });
    await expect(cards(app.page)).toHaveCount(2);
    await expect(cards(app.page).first()).toContainText('First app');
    await expect(cards(app.page).first()).toContainText('macOS');
    await expect(cards(app.page).nth(1)).toContainText('Windows, Lagos, Lagos, Nigeria');
    await expect(cards(app.page).first()).toContainText('Several requests arrived within seconds');
    await expect(cards(app.page).first()).toContainText(/Who\s*bob@example\.com/);
    await expect(cards(app.page).locator(':focus')).toHaveCount(0);
    await cards(app.page).nth(1).getByRole('button', { name: 'No, it wasn’t me' }).click();
    await expect(cards(app.page)).toHaveCount(1);
    await expect(cards(app.page)).toContainText('First app');
    await cards(app.page).getByRole('button', { name: 'Yes, approve' }).click();
    await expect(cards(app.page)).toHaveCount(0);
    await expect(app.page.getByTestId('approval-outcome')).toHaveCount(2);
    await unenrol(harness);
  });

  test('a request from an OS or place never approved from before carries a warning; an approved origin no longer does', async ({ app, harness }) => {
    await enrol(harness);
    await app.open();
    await openApprovals(app.page);
    await challenge({ appInstanceName: 'Mail', clientOS: 'MAC_OS_X', clientLocation: 'Zurich, Zurich, Switzerland' });
    await expect(cards(app.page)).toContainText('You have not approved a sign-in from macOS in Zurich, Zurich, Switzerland before.');
    await cards(app.page).getByRole('button', { name: 'Yes, approve' }).click();
    await expect(cards(app.page)).toHaveCount(0);
    await challenge({ appInstanceName: 'Mail', clientOS: 'MAC_OS_X', clientLocation: 'Zurich, Zurich, Switzerland' });
    await expect(cards(app.page)).toHaveCount(1);
    await expect(cards(app.page)).not.toContainText('You have not approved');
    await cards(app.page).getByRole('button', { name: 'No, it wasn’t me' }).click();
    await unenrol(harness);
  });
});
