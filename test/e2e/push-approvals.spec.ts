import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import type { Harness } from './harness/harness';
import { main } from '../../electron/cli';
import type { CadencePolicy } from '../../electron/core/push/poll-cadence';
import { startSimulator, type SimHandle } from '../sim';

const LOGIN = 'bob@example.com';
/** Fast polling so the tests wait a fraction of a second, not the app's real cadence. */
const FAST: CadencePolicy = { activeIntervalMs: 200, idleIntervalMs: 500, activeWindowMs: 600_000, jitter: 0.2, errorBaseMs: 200, errorCapMs: 1_000 };

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

test.describe('approving sign-in requests in the popup', () => {
  test('a CIBA request shows with its binding message; clicking Approve lets the requester in', async ({ app, harness }) => {
    await enrol(harness);
    await app.open();
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

  test('Deny, reached with the keyboard, denies; the requester exits 1', async ({ app, harness }) => {
    await enrol(harness);
    await app.open();
    const request = confirm('Deny me please');
    const deny = cards(app.page).getByRole('button', { name: 'Deny' });
    await expect(deny).toBeVisible();
    for (let i = 0; i < 20 && !(await deny.evaluate((el) => el === document.activeElement)); i += 1) await app.page.keyboard.press('Tab');
    await expect(deny).toBeFocused();
    await app.page.keyboard.press('Enter');
    expect(await request.done).toBe(1);
    expect(request.stderr()).toContain('denied the request');
    await expect(cards(app.page)).toHaveCount(0);
    await unenrol(harness);
  });

  test('an unanswered request expires, the view clears itself, and nothing was approved', async ({ app, harness }) => {
    await enrol(harness);
    await app.open();
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
    await challenge({ appInstanceName: 'Payroll' });
    await expect(cards(app.page)).toHaveCount(1);
    await cards(app.page).getByRole('button', { name: 'Approve' }).click();
    await expect(cards(app.page)).toHaveCount(0);
    for (const tamper of ['replay', 'foreign-key', 'expired', 'other-enrollment']) await challenge({ tamper, appInstanceName: `Tampered ${tamper}` });
    await challenge({ appInstanceName: 'Wiki' });
    await expect(cards(app.page)).toHaveCount(1);
    await expect(cards(app.page)).toContainText('Wiki');
    await expect(app.page.getByText(/Tampered|Payroll/)).toHaveCount(0);
    await unenrol(harness);
  });
});
