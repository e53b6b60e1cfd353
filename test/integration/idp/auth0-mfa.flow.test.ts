import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret, TOTP, URI } from 'otpauth';
import { startSimulator, type SimHandle } from '../../sim';
import { connectAuth0Tenant } from '../../../electron/core/idp/auth0/tenant';
import { Auth0TokenGrants } from '../../../electron/core/idp/auth0/token-grants';
import { Auth0MfaApi } from '../../../electron/core/idp/auth0/mfa-api';
import { Auth0Management } from '../../../electron/core/idp/auth0/management';
import { pollOob } from '../../../electron/core/idp/auth0/oob-poll';
import type { HttpClient } from '../../../electron/core/idp/http/client';
import type { HttpLogEvent } from '../../../electron/core/idp/http/http-log';

const PUSH_TIMEOUT_MS = 60_000;

// One clock for the simulator and the client; the client's waits move it instead of sleeping.
const clock = { t: Date.now() };
const onSleep: ((ms: number) => Promise<void>)[] = [];
const events: HttpLogEvent[] = [];

let sim: SimHandle;
let http: HttpClient;
let grants: Auth0TokenGrants;
let mfa: Auth0MfaApi;
let management: Auth0Management;

beforeAll(async () => {
  sim = await startSimulator({ now: () => clock.t, pushTimeoutMs: PUSH_TIMEOUT_MS });
  http = connectAuth0Tenant(sim.auth0.url, {
    timeoutMs: 5_000,
    now: () => clock.t,
    random: () => 0.5,
    sleep: async (ms) => {
      clock.t += ms;
      for (const hook of onSleep.splice(0)) await hook(ms);
    },
    log: (e) => events.push(e),
  });
  const app = { clientId: sim.auth0.clientId, clientSecret: sim.auth0.clientSecret };
  grants = new Auth0TokenGrants(http, app);
  mfa = new Auth0MfaApi(http, app);
  management = new Auth0Management(http, { clientId: sim.auth0.managementClientId, clientSecret: sim.auth0.managementClientSecret });
});

afterAll(async () => {
  await sim.close();
});

async function newUser(tag: string) {
  const email = `${tag}-${clock.t}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const password = 'Auth0-Flow-Pass-7';
  const user = await management.createUser({ connection: sim.auth0.realm, email, password });
  return { email, password, userId: user.user_id };
}

async function mfaToken(email: string, password: string, realm?: string): Promise<string> {
  const result = await grants.password({ username: email, password, ...(realm ? { realm } : {}) });
  expect(result.kind).toBe('mfa_required');
  if (result.kind !== 'mfa_required') throw new Error('expected mfa_required');
  return result.mfaToken;
}

function code(secret: string): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: clock.t + (http.clockSkewMs ?? 0) });
}

async function phone(email: string, answer: 'approve' | 'deny'): Promise<void> {
  const res = await fetch(`${sim.auth0.url}/__sim/guardian/answer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, answer }) });
  expect(res.status).toBe(200);
}

describe('Auth0 MFA with an authenticator app', () => {
  it('enrols OTP after mfa_required, then signs in with a challenge, a code and a recovery code', async () => {
    const { email, password, userId } = await newUser('otp');
    const first = await grants.password({ username: email, password, realm: sim.auth0.realm });
    expect(first).toMatchObject({ kind: 'mfa_required', requirements: { enroll: expect.arrayContaining([{ type: 'otp' }]) } });
    if (first.kind !== 'mfa_required') return;

    const association = await mfa.associateOtp(first.mfaToken);
    expect(URI.parse(association.barcode_uri).secret.base32).toBe(association.secret);
    expect(association.recovery_codes).toHaveLength(1);
    const recoveryCode = association.recovery_codes![0]!;

    const enrolled = await grants.otp(first.mfaToken, code(association.secret));
    expect(enrolled.access_token).toBeTruthy();
    expect(enrolled.token_type).toBe('Bearer');

    const second = await mfaToken(email, password);
    const authenticators = await mfa.listAuthenticators(second);
    const otp = authenticators.find((a) => a.authenticator_type === 'otp');
    expect(otp).toMatchObject({ active: true });
    const challenge = await mfa.challenge(second, { type: 'otp', authenticatorId: otp!.id });
    expect(challenge.challenge_type).toBe('otp');
    const wrong = await grants.otp(second, '000000').catch((e: unknown) => e);
    expect(wrong).toMatchObject({ providerCode: 'invalid_grant' });
    expect((wrong as Error).message).toContain('The code is wrong, or was already used and each code works only once: the next code is usable when the current 30-second period ends.');
    clock.t += 30_000;
    expect((await grants.otp(second, code(association.secret))).access_token).toBeTruthy();

    const third = await mfaToken(email, password);
    const recovered = await grants.recoveryCode(third, recoveryCode);
    expect(recovered.access_token).toBeTruthy();
    expect(recovered.recovery_code).toBeTruthy();
    expect(recovered.recovery_code).not.toBe(recoveryCode);

    await mfa.deleteAuthenticator(third, otp!.id);
    expect((await mfa.listAuthenticators(third)).some((a) => a.id === otp!.id)).toBe(false);
    await management.deleteUser(userId);
    const gone = await grants.password({ username: email, password }).catch((e: unknown) => e);
    expect(gone).toMatchObject({ providerCode: 'invalid_grant' });
  });
});

describe('Auth0 MFA with push (Guardian)', () => {
  async function enrolPush(email: string, password: string) {
    const token = await mfaToken(email, password);
    const association = await mfa.associateOob(token, { channels: ['auth0'] });
    expect(association.oob_channel).toBe('auth0');
    onSleep.push(() => phone(email, 'approve'));
    const outcome = await pollOob(http, grants, token, association.oob_code, { intervalMs: 5_000 });
    expect(outcome.result).toBe('APPROVED');
  }

  async function pushChallenge(email: string, password: string) {
    const token = await mfaToken(email, password);
    const push = (await mfa.listAuthenticators(token)).find((a) => a.oob_channel === 'auth0')!;
    const challenge = await mfa.challenge(token, { type: 'oob', authenticatorId: push.id });
    expect(challenge.challenge_type).toBe('oob');
    return { token, oobCode: challenge.oob_code! };
  }

  it('waits on authorization_pending, slows down on slow_down, and gets tokens once approved', async () => {
    const { email, password } = await newUser('push');
    await enrolPush(email, password);
    const { token, oobCode } = await pushChallenge(email, password);

    const mark = events.length;
    onSleep.push(async () => undefined);
    onSleep.push(() => phone(email, 'approve'));
    // Two seconds is closer than the tenant allows, so the second poll gets slow_down.
    const outcome = await pollOob(http, grants, token, oobCode, { intervalMs: 2_000, slowDownStepMs: 5_000 });
    expect(outcome).toMatchObject({ result: 'APPROVED', polls: 3, finalIntervalMs: 7_000 });
    const statuses = events.slice(mark).filter((e) => e.url.endsWith('/oauth/token')).map((e) => e.status);
    expect(statuses).toEqual([400, 429, 200]);
  });

  it('ends with REJECTED when the phone denies', async () => {
    const { email, password } = await newUser('push-deny');
    await enrolPush(email, password);
    const { token, oobCode } = await pushChallenge(email, password);
    onSleep.push(() => phone(email, 'deny'));
    expect(await pollOob(http, grants, token, oobCode)).toEqual({ result: 'REJECTED', providerCode: 'access_denied' });
  });

  it('ends with EXPIRED when nobody answers in time', async () => {
    const { email, password } = await newUser('push-expire');
    await enrolPush(email, password);
    const { token, oobCode } = await pushChallenge(email, password);
    onSleep.push(async () => {
      clock.t += PUSH_TIMEOUT_MS;
    });
    expect(await pollOob(http, grants, token, oobCode)).toEqual({ result: 'EXPIRED' });
  });
});

describe('Auth0 MFA with SMS', () => {
  it('confirms an SMS enrolment with the binding code', async () => {
    const { email, password } = await newUser('sms');
    const token = await mfaToken(email, password);
    const phoneNumber = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const association = await mfa.associateOob(token, { channels: ['sms'], phoneNumber });
    expect(association.binding_method).toBe('prompt');
    const outbox = (await (await fetch(`${sim.auth0.url}/__sim/sms/outbox?phone_number=${encodeURIComponent(phoneNumber)}`)).json()) as { code: string }[];
    const bindingCode = outbox.at(-1)!.code;
    const result = await grants.oob(token, association.oob_code, bindingCode);
    expect(result.kind).toBe('tokens');
  });
});
