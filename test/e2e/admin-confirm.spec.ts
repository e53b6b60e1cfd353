import { test, expect, type App } from './harness/fixtures';
import { openAdminWindow } from './harness/popup';
import { startSimulator, type SimHandle } from '../sim';
import { enrolDevice } from '../integration/sim/okta-push-device';

const LOGIN = 'bob@example.com';
let sim: SimHandle;

test.beforeEach(async () => {
  sim = await startSimulator();
  // Poll every second so each test waits about that long, not Okta's 5 s.
  await fetch(`${sim.okta.url}/__sim/okta-push/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cibaIntervalSeconds: 1 }) });
  // CIBA reaches a user only through an enrolled custom authenticator: Bob's phone.
  await enrolDevice(sim.okta, LOGIN, sim.okta.users.find((user) => user.login === LOGIN)?.password ?? '');
});
test.afterEach(async () => {
  await sim.close();
});

// The simulator checks the id token's times against real time.
test.use({ harnessOptions: { now: 'system' } });

async function openForm(app: App, fields: { message?: string; secret?: string; expiresIn?: string } = {}) {
  const page = await openAdminWindow(app);
  const form = page.getByRole('form', { name: 'Ask a user to confirm' });
  await form.getByLabel('Okta org address').fill(sim.okta.url);
  await form.getByLabel('User’s Okta login').fill(LOGIN);
  if (fields.message) await form.getByLabel('Message shown to the user (optional)').fill(fields.message);
  await form.getByLabel('CIBA client ID').fill(sim.okta.ciba.clientId);
  await form.getByLabel('CIBA client secret').fill(fields.secret ?? sim.okta.ciba.clientSecret);
  if (fields.expiresIn) await form.getByLabel('Time to answer in seconds (optional)').fill(fields.expiresIn);
  return form;
}

/** Bob answers on his phone, once the request has reached it. */
async function bobAnswers(answer: 'approve' | 'deny'): Promise<void> {
  await expect
    .poll(async () => (await fetch(`${sim.okta.url}/__sim/okta-push/answer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: LOGIN, answer }) })).status, { timeout: 5_000 })
    .toBe(200);
}

test('an admin asks a user to confirm: waiting, then approved by whom, and the secret is neither echoed nor stored', async ({ app, harness }) => {
  await harness.call('settings:set', { adminArea: true });
  await app.open();
  const form = await openForm(app, { message: 'Helpdesk call 4411' });
  await form.getByRole('button', { name: 'Ask to confirm' }).click();
  await expect(form.getByText(`Waiting for ${LOGIN} to answer on their authenticator…`)).toBeVisible();
  await expect(form.getByRole('button', { name: 'Ask to confirm' })).toBeDisabled();

  await bobAnswers('approve');
  await expect(form.getByText('Approved by Bob Pushes (bob@example.com).')).toBeVisible({ timeout: 10_000 });
  await expect(form.getByRole('button', { name: 'Ask to confirm' })).toBeEnabled();
  expect(await form.innerText()).not.toContain(sim.okta.ciba.clientSecret);
  expect(JSON.stringify(harness.vault.read())).not.toContain(sim.okta.ciba.clientSecret);
});

test('a denial is shown as denied', async ({ app, harness }) => {
  await harness.call('settings:set', { adminArea: true });
  await app.open();
  const form = await openForm(app);
  await form.getByRole('button', { name: 'Ask to confirm' }).click();
  await bobAnswers('deny');
  await expect(form.getByText(`${LOGIN} denied the request.`)).toBeVisible({ timeout: 10_000 });
});

test('a request nobody answers in time is shown as expired', async ({ app, harness }) => {
  await harness.call('settings:set', { adminArea: true });
  await app.open();
  const form = await openForm(app, { expiresIn: '1' });
  await form.getByRole('button', { name: 'Ask to confirm' }).click();
  await expect(form.getByText(`The request expired before ${LOGIN} answered it.`)).toBeVisible({ timeout: 10_000 });
});

test('a wrong client secret gives a sentence to act on, without the secret in it', async ({ app, harness }) => {
  await harness.call('settings:set', { adminArea: true });
  await app.open();
  const form = await openForm(app, { secret: 'not-the-secret-4711' });
  await form.getByRole('button', { name: 'Ask to confirm' }).click();
  const alert = form.getByRole('alert');
  await expect(alert).toBeVisible({ timeout: 10_000 });
  expect(await alert.innerText()).not.toContain('not-the-secret-4711');
  await expect(form.getByRole('button', { name: 'Ask to confirm' })).toBeEnabled();
});

test('Stop waiting ends the wait without an answer', async ({ app, harness }) => {
  await harness.call('settings:set', { adminArea: true });
  await app.open();
  const form = await openForm(app);
  await form.getByRole('button', { name: 'Ask to confirm' }).click();
  await form.getByRole('button', { name: 'Stop waiting' }).click();
  await expect(form.getByText('Stopped waiting; the request expires on its own if nobody answers it.')).toBeVisible();
});
