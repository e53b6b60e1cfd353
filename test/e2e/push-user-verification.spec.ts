import type { Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import type { Harness } from './harness/harness';
import { DEFAULT_CADENCE, type CadencePolicy } from '../../electron/core/push/poll-cadence';
import { startSimulator, type SimHandle } from '../sim';
import { oktaPushState } from '../sim/okta-push';
import { FakeVerifier } from '../integration/push/fake-verifier';
import { askToConfirm, cibaToken } from '../integration/push/ciba-requester';

const LOGIN = 'bob@example.com';
/** Fast polling so the tests wait a fraction of a second, not the app's real cadence. */
const FAST: CadencePolicy = { ...DEFAULT_CADENCE, activeIntervalMs: 200, idleIntervalMs: 500, warmIntervalMs: 200, activeWindowMs: 600_000, errorBaseMs: 200, errorCapMs: 1_000 };

let sim: SimHandle;
const verifier = new FakeVerifier();

test.beforeAll(async () => {
  sim = await startSimulator();
  await fetch(`${sim.okta.url}/__sim/okta-push/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cibaIntervalSeconds: 1 }) });
});

test.afterAll(async () => {
  await sim.close();
});

const pushState = () => oktaPushState(sim.state.okta()!);
const password = () => sim.okta.users.find((u) => u.login === LOGIN)?.password ?? '';
const signIn = () => ({ kind: 'password' as const, username: LOGIN, password: password() });
const cards = (page: Page) => page.getByTestId('approval');

async function enrol(harness: Harness): Promise<void> {
  await harness.core.push.enrol({ orgUrl: sim.okta.url, clientId: sim.okta.oidcClientId, signIn: signIn() });
}

async function unenrol(harness: Harness): Promise<void> {
  await harness.core.push.remove({ orgUrl: sim.okta.url, signIn: signIn() });
}

async function challenge(body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${sim.okta.url}/__sim/okta-push/challenges`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: LOGIN, ...body }) });
  expect(response.status).toBe(201);
  const [created] = (await response.json()) as { transactionId: string }[];
  return created?.transactionId ?? '';
}

/** Waits for the CIBA request's outcome: 0 once tokens are issued, 1 once denied. */
async function requesterExit(authReqId: string): Promise<number> {
  for (let i = 0; i < 50; i += 1) {
    const answer = await cibaToken(sim, authReqId);
    if (answer.status === 200) return 0;
    if (answer.error === 'access_denied' || answer.error === 'expired_token') return 1;
    await new Promise((resolve) => setTimeout(resolve, 1_100));
  }
  return 2;
}

test.describe('user verification with a verifier on this computer', () => {
  test.use({ harnessOptions: { now: 'system', keySource: { kind: 'passphrase', passphrase: 'e2e-uv' }, coreOptions: () => ({ push: { cadence: FAST, http: { timeoutMs: 5_000 }, verifier } }) } });

  test.beforeEach(() => {
    pushState().settings.userVerification = 'REQUIRED';
    verifier.prompts.length = 0;
    verifier.next = 'verified';
  });

  test('a REQUIRED request approved through the verifier: the org verifies a user-verification answer and the requester gets in', async ({ app, harness }) => {
    await enrol(harness);
    await app.open();
    await app.page.getByRole('button', { name: /^Approvals/ }).click();
    const authReqId = await askToConfirm(sim, LOGIN, 'Helpdesk call 5150');
    const card = cards(app.page);
    await expect(card).toContainText('Touch ID');
    await card.getByRole('button', { name: 'Yes, approve' }).click();
    await expect(card).toHaveCount(0);
    expect(verifier.prompts).toHaveLength(1);
    const answered = [...pushState().challenges.values()].find((c) => c.cibaRequestId === authReqId);
    expect(answered?.response).toEqual({ userConsent: 'APPROVED_USER_VERIFICATION', keyType: 'userVerification' });
    expect(await requesterExit(authReqId)).toBe(0);
    await unenrol(harness);
  });

  test('the person cancels the verifier: CANCELLED_USER_VERIFICATION, the requester is refused, and the screen says so', async ({ app, harness }) => {
    await enrol(harness);
    await app.open();
    await app.page.getByRole('button', { name: /^Approvals/ }).click();
    verifier.next = 'cancelled';
    const authReqId = await askToConfirm(sim, LOGIN, 'Helpdesk call 5151');
    await cards(app.page).getByRole('button', { name: 'Yes, approve' }).click();
    await expect(cards(app.page)).toHaveCount(0);
    await expect(app.page.getByTestId('approval-outcome')).toContainText('Touch ID was cancelled, so the request was not approved');
    const answered = [...pushState().challenges.values()].find((c) => c.cibaRequestId === authReqId);
    expect(answered?.response?.userConsent).toBe('CANCELLED_USER_VERIFICATION');
    expect(await requesterExit(authReqId)).toBe(1);
    await unenrol(harness);
  });
});

test.describe('no verifier on this computer', () => {
  test.use({ harnessOptions: { now: 'system', keySource: { kind: 'passphrase', passphrase: 'e2e-no-uv' }, coreOptions: () => ({ push: { cadence: FAST, http: { timeoutMs: 5_000 } } }) } });

  test('an org that REQUIRES user verification is refused at enrolment with one sentence naming the policy', async ({ harness }) => {
    pushState().settings.userVerification = 'REQUIRED';
    await expect(enrol(harness)).rejects.toThrow(/^The org's policy requires user verification \(such as Touch ID\) for every approval, and Traykey cannot verify you on this computer, so it was not enrolled with .*\.$/);
    expect(harness.core.push.enrolments()).toEqual([]);
  });

  test('a PREFERRED request without a user-verification key is approved with the consent prompt', async ({ app, harness }) => {
    pushState().settings.userVerification = 'PREFERRED';
    await enrol(harness);
    await app.open();
    await app.page.getByRole('button', { name: /^Approvals/ }).click();
    const id = await challenge({ appInstanceName: 'Wiki', userVerification: 'PREFERRED' });
    await expect(cards(app.page)).not.toContainText('Touch ID');
    await cards(app.page).getByRole('button', { name: 'Yes, approve' }).click();
    await expect(cards(app.page)).toHaveCount(0);
    expect(pushState().challenges.get(id)?.response).toEqual({ userConsent: 'APPROVED_CONSENT_PROMPT', keyType: 'proofOfPossession' });
    await unenrol(harness);
  });
});
