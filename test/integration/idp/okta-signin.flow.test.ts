import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import { startSimulator, type SimHandle } from '../../sim';
import { connectOktaOrg, type OktaOrg } from '../../../electron/core/idp/okta/org';
import { OktaAuthnClient } from '../../../electron/core/idp/okta/authn';
import { OktaUsersClient } from '../../../electron/core/idp/okta/users';
import { OktaFactorsClient } from '../../../electron/core/idp/okta/factors';
import type { HttpLogEvent } from '../../../electron/core/idp/http/http-log';
import type { AuthnTransaction } from '../../../electron/core/idp/okta/schemas';

const PUSH_TIMEOUT_MS = 60_000;
const PASSWORD = 'Sign-In-Flow-42';
const FAST_POLL = { intervalMs: 20, maxWaitMs: 10_000 };

let sim: SimHandle;
let org: OktaOrg;
let authn: OktaAuthnClient;
let users: OktaUsersClient;
const events: HttpLogEvent[] = [];

beforeAll(async () => {
  sim = await startSimulator({ pushTimeoutMs: PUSH_TIMEOUT_MS });
  org = connectOktaOrg(sim.okta.url, { timeoutMs: 5_000, log: (e) => events.push(e) });
  authn = new OktaAuthnClient(org.authn);
  users = new OktaUsersClient(org.admin, sim.okta.apiToken);
});

afterAll(async () => {
  await sim.close();
});

async function newUser(tag: string): Promise<string> {
  const login = `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  await users.create({ profile: { login, email: login, firstName: 'Sign', lastName: 'In' }, password: PASSWORD });
  return login;
}

/** The phone, through the simulator's control route, once the push is really waiting. */
async function answerPhone(login: string, answer: 'approve' | 'deny'): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    const pending = await fetch(`${sim.okta.url}/__sim/okta-verify/pending?login=${encodeURIComponent(login)}`);
    if (((await pending.json()) as unknown[]).length > 0) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const res = await fetch(`${sim.okta.url}/__sim/okta-verify/answer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, answer }) });
  expect(res.status).toBe(200);
}

async function enrolPush(login: string): Promise<void> {
  const first = await authn.primary({ username: login, password: PASSWORD });
  expect(first.status).toBe('MFA_ENROLL');
  expect(authn.findFactor(first, 'push', 'OKTA')).toBeDefined();
  const activating = await authn.enroll(first, { factorType: 'push', provider: 'OKTA' });
  expect(activating.status).toBe('MFA_ENROLL_ACTIVATE');
  expect(activating.factorResult).toBe('WAITING');
  const [outcome] = await Promise.all([authn.pollActivation(activating, FAST_POLL), answerPhone(login, 'approve')]);
  expect(outcome.result).toBe('SUCCESS');
  if (outcome.result !== 'SUCCESS') return;
  expect(outcome.transaction.sessionToken).toBeTruthy();
}

async function signInToPushChallenge(login: string): Promise<{ tx: AuthnTransaction; push: NonNullable<ReturnType<OktaAuthnClient['findFactor']>> }> {
  const tx = await authn.primary({ username: login, password: PASSWORD });
  expect(tx.status).toBe('MFA_REQUIRED');
  const push = authn.findFactor(tx, 'push');
  expect(push).toBeDefined();
  return { tx, push: push! };
}

function verifyPolls(since: number): number {
  return events.slice(since).filter((e) => e.method === 'POST' && e.url.includes('/verify') && e.status === 200).length;
}

describe('Okta sign-in with Okta Verify push', () => {
  it('enrols push on first sign-in, then approves a push on the next and opens a session', async () => {
    const login = await newUser('push-ok');
    await enrolPush(login);

    const { tx, push } = await signInToPushChallenge(login);
    const mark = events.length;
    const [outcome] = await Promise.all([authn.verifyPush(tx, push, FAST_POLL), answerPhone(login, 'approve')]);
    expect(outcome.result).toBe('SUCCESS');
    if (outcome.result !== 'SUCCESS') return;
    // At least one WAITING answer came before the approval.
    expect(verifyPolls(mark)).toBeGreaterThanOrEqual(2);

    const sid = await authn.exchangeSessionToken(outcome.transaction.sessionToken!);
    const session = await authn.currentSession(sid);
    expect(session.login).toBe(login);
    expect(session.status).toBe('ACTIVE');
  });

  it('reports REJECTED when the phone denies', async () => {
    const login = await newUser('push-deny');
    await enrolPush(login);
    const { tx, push } = await signInToPushChallenge(login);
    const [outcome] = await Promise.all([authn.verifyPush(tx, push, FAST_POLL), answerPhone(login, 'deny')]);
    expect(outcome.result).toBe('REJECTED');
  });

  it('reports TIMEOUT when nobody answers before the push expires', async () => {
    const login = await newUser('push-timeout');
    await enrolPush(login);
    const { tx, push } = await signInToPushChallenge(login);
    const expire = async () => {
      for (let i = 0; i < 200 && !sim.state.okta()?.pushes.waitingFor(sim.state.okta()!.findUser(login)!.id).length; i += 1) await new Promise((r) => setTimeout(r, 10));
      sim.advanceClock(PUSH_TIMEOUT_MS + 1_000);
    };
    const [outcome] = await Promise.all([authn.verifyPush(tx, push, FAST_POLL), expire()]);
    expect(outcome.result).toBe('TIMEOUT');
  });

  it('stops polling when the caller cancels, and cancels the transaction', async () => {
    const login = await newUser('push-cancel');
    await enrolPush(login);
    const { tx, push } = await signInToPushChallenge(login);
    const controller = new AbortController();
    const mark = events.length;
    const polling = authn.verifyPush(tx, push, { ...FAST_POLL, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect((await polling).result).toBe('ABORTED');
    const pollsAtCancel = verifyPolls(mark);
    await new Promise((r) => setTimeout(r, 60));
    expect(verifyPolls(mark)).toBe(pollsAtCancel);
    await authn.cancel(tx);
    await expect(authn.verifyPush(tx, push, FAST_POLL)).rejects.toMatchObject({ providerCode: 'E0000011' });
  });
});

describe('Okta sign-in with a TOTP code', () => {
  it('enrols Google Authenticator inside the sign-in transaction and activates it with a computed code', async () => {
    const login = await newUser('totp-enrol');
    const first = await authn.primary({ username: login, password: PASSWORD });
    expect(first.status).toBe('MFA_ENROLL');
    const activating = await authn.enroll(first, { factorType: 'token:software:totp', provider: 'GOOGLE' });
    expect(activating.status).toBe('MFA_ENROLL_ACTIVATE');
    const activation = authn.totpActivation(activating);
    const totp = new TOTP({ secret: Secret.fromBase32(activation.sharedSecret), digits: 6, period: activation.timeStep });
    const done = await authn.activate(activating, totp.generate({ timestamp: Date.now() + (org.authn.clockSkewMs ?? 0) }));
    expect(done.status).toBe('SUCCESS');
    expect(done.sessionToken).toBeTruthy();
  });

  it('verifies a TOTP factor as an alternative to push', async () => {
    const login = await newUser('totp');
    const user = await users.getByLogin(login);
    const factors = new OktaFactorsClient(org.admin, sim.okta.apiToken);
    const enrolment = await factors.enrollTotp(user.id, 'GOOGLE');
    const totp = new TOTP({ secret: Secret.fromBase32(enrolment.sharedSecret), digits: enrolment.digits, period: enrolment.timeStep });
    await factors.activate(user.id, enrolment.factor, totp.generate({ timestamp: Date.now() + (org.admin.clockSkewMs ?? 0) - 30_000 }));

    const tx = await authn.primary({ username: login, password: PASSWORD });
    expect(tx.status).toBe('MFA_REQUIRED');
    const factor = authn.findFactor(tx, 'token:software:totp', 'GOOGLE')!;
    const wrong = await authn.verifyTotp(tx, factor, '000000').catch((e: unknown) => e);
    expect(wrong).toMatchObject({ providerCode: 'E0000068' });
    const done = await authn.verifyTotp(tx, factor, totp.generate({ timestamp: Date.now() + (org.authn.clockSkewMs ?? 0) }));
    expect(done.status).toBe('SUCCESS');
    expect(done.sessionToken).toBeTruthy();
  });

  it('explains a wrong password', async () => {
    const error = await authn.primary({ username: 'nobody@example.com', password: 'wrong-password' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ providerCode: 'E0000004', httpStatus: 401 });
    expect((error as Error).message).toContain('check the username and password');
  });
});
