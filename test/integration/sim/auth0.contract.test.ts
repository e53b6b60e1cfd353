import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeErrors, openApiResponses, readContract } from './contracts';
import { startFixture, type Reply, type SimFixture } from './sim-client';

const validator = openApiResponses('auth0/auth0-authentication-api-oas.json', '2020');

type Interaction = {
  recording: string;
  request: { method: string; url: string; body: unknown; form: Record<string, string[]> | null };
  response: { status: number; content_type: string; body: unknown };
};
const recordings = readContract<{ interactions: Interaction[] }>('auth0/go-auth0-mfa-recordings.json').interactions;
const recorded = (name: string): Interaction['response'] => {
  const found = recordings.find((i) => i.recording.startsWith(name));
  if (!found) throw new Error(`No recording named ${name}`);
  return found.response;
};
type ErrorCase = { case: string; body?: Record<string, unknown>; http_status?: number | string };
const errorCatalogue = readContract<{ errors: ErrorCase[] }>('auth0/auth0-mfa-errors.json').errors;
const pinned = (prefix: string): ErrorCase => {
  const found = errorCatalogue.find((e) => e.case.startsWith(prefix));
  if (!found) throw new Error(`No error case ${prefix}`);
  return found;
};

const MFA_OTP = 'http://auth0.com/oauth/grant-type/mfa-otp';
const MFA_OOB = 'http://auth0.com/oauth/grant-type/mfa-oob';
const MFA_RECOVERY = 'http://auth0.com/oauth/grant-type/mfa-recovery-code';

let f: SimFixture;
beforeAll(async () => {
  f = await startFixture({ oobPollIntervalMs: 0 });
});
afterAll(async () => {
  await f.sim.close();
});

const keys = (body: unknown) => Object.keys((body ?? {}) as Record<string, unknown>).sort();

function expectSpec(reply: Reply, path: string, method: string): void {
  const validate = validator(path, method, reply.status);
  expect(validate(reply.body), `${method} ${path} ${reply.status}: ${describeErrors(validate)}`).toBe(true);
}

/** Same status, same top-level keys, and the same JSON content type as the real tenant's answer. */
function expectLikeRecording(reply: Reply, name: string): void {
  const real = recorded(name);
  expect(reply.status, name).toBe(real.status);
  if (Array.isArray(real.body)) {
    expect(Array.isArray(reply.body), name).toBe(true);
  } else if (real.status !== 204) {
    expect(keys(reply.body), name).toEqual(keys(real.body));
    expect(reply.headers.get('content-type'), name).toBe(real.content_type);
  }
}

const token = (body: Record<string, unknown>) => f.auth0('POST', '/oauth/token', { client_id: f.sim.auth0.clientId, client_secret: f.sim.auth0.clientSecret, ...body }, { form: true });
let n = 0;
let lastEmail = '';
/** An mfa_token of a new user (with an active Guardian push authenticator when `push`). */
async function freshMfaToken(push = false): Promise<string> {
  const email = `c${++n}@example.com`;
  const state = f.sim.state.auth0();
  const user = state?.addUser({ email, password: 'Sim-Passw0rd!' });
  if (push && state && user) state.addAuthenticator(user, { authenticatorType: 'oob', oobChannel: 'auth0' }).active = true;
  lastEmail = email;
  const res = await token({ grant_type: 'password', username: email, password: 'Sim-Passw0rd!' });
  return res.json.mfa_token as string;
}

describe('simulated Auth0 against the real tenant recordings and the OpenAPI', () => {
  it('has validators that reject bodies breaking the contract', () => {
    expect(validator('/oauth/token', 'post', 200)({ token_type: 'Bearer' })).toBe(false);
  });

  it('associates SMS, OTP and Guardian push like the recordings', async () => {
    const mfa = await freshMfaToken();
    const sms = await f.auth0('POST', '/mfa/associate', { authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: '+91123456789' }, { bearer: mfa });
    expectLikeRecording(sms, 'TestMFAAddAuthenticator/Should_return_response_for_OOB_(SMS');
    expectSpec(sms, '/mfa/associate', 'post');
    const otp = await f.auth0('POST', '/mfa/associate', { authenticator_types: ['otp'], client_id: f.sim.auth0.clientId, client_secret: f.sim.auth0.clientSecret }, { bearer: mfa });
    expectLikeRecording(otp, 'TestMFAAddAuthenticator/Should_return_response_for_OTP');
    expectSpec(otp, '/mfa/associate', 'post');
    const push = await f.auth0('POST', '/mfa/associate', { authenticator_types: ['oob'], oob_channels: ['auth0'] }, { bearer: mfa });
    expectLikeRecording(push, 'TestMFAAddAuthenticator/Should_return_response_for_OOB_(Auth0');
    expectSpec(push, '/mfa/associate', 'post');
  });

  it('challenges, lists and deletes like the recordings', async () => {
    const mfa = (await token({ grant_type: 'password', username: 'dave', password: 'Traykey-Demo-4' })).json.mfa_token as string;
    const user = f.sim.state.auth0()?.findUser('dave');
    const otp = f.sim.state.auth0()?.addAuthenticator(user as NonNullable<typeof user>, { authenticatorType: 'otp', secret: 'JBSWY3DPEHPK3PXP' });
    if (otp) otp.active = true;
    const oob = await f.auth0('POST', '/mfa/challenge', { client_id: f.sim.auth0.clientId, client_secret: f.sim.auth0.clientSecret, challenge_type: 'oob', mfa_token: mfa });
    expectLikeRecording(oob, 'TestMFAChallenge/Should_make_a_challenge_request_using_OOB');
    expectSpec(oob, '/mfa/challenge', 'post');
    const otpChallenge = await f.auth0('POST', '/mfa/challenge', { client_id: f.sim.auth0.clientId, challenge_type: 'otp', authenticator_id: otp?.id, mfa_token: mfa });
    expectLikeRecording(otpChallenge, 'TestMFAChallenge/Should_make_a_challenge_request_using_OTP');
    const list = await f.auth0('GET', '/mfa/authenticators', undefined, { bearer: mfa });
    expectLikeRecording(list, 'TestMFAListAuthenticators');
    expectSpec(list, '/mfa/authenticators', 'get');
    const realItems = recorded('TestMFAListAuthenticators').body as { id: string }[];
    for (const item of list.body as { id: string }[]) {
      const kind = item.id.split('|')[0];
      const real = realItems.find((r) => r.id.split('|')[0] === kind);
      expect(keys(item), kind).toEqual(keys(real));
    }
    expectLikeRecording(await f.auth0('DELETE', `/mfa/authenticators/${encodeURIComponent(otp?.id ?? '')}`, undefined, { bearer: mfa }), 'TestMFADeleteAuthenticator');
  });

  it('answers mfa-oob pending, rejected and approved with the recorded statuses and bodies', async () => {
    const mfa = await freshMfaToken(true);
    const challenge = async () => (await f.auth0('POST', '/mfa/challenge', { client_id: f.sim.auth0.clientId, challenge_type: 'oob', mfa_token: mfa })).json.oob_code as string;
    const first = await challenge();
    const pending = await token({ grant_type: MFA_OOB, mfa_token: mfa, oob_code: first });
    expectLikeRecording(pending, 'TestMFAVerifyWithOOB/Should_return_an_error_when_requesting_before');
    expect(pending.body).toEqual(recorded('TestMFAVerifyWithOOB/Should_return_an_error_when_requesting_before').body);
    expectSpec(pending, '/oauth/token', 'post');
    f.sim.phone.guardian(lastEmail, 'deny');
    const rejected = await token({ grant_type: MFA_OOB, mfa_token: mfa, oob_code: first });
    expect(rejected.body).toEqual(recorded('TestMFAVerifyWithOOB/Should_return_an_error_when_requesting_when').body);
    expectLikeRecording(rejected, 'TestMFAVerifyWithOOB/Should_return_an_error_when_requesting_when');
    const second = await challenge();
    f.sim.phone.guardian(lastEmail, 'approve');
    const approved = await token({ grant_type: MFA_OOB, mfa_token: mfa, oob_code: second });
    expectLikeRecording(approved, 'TestMFAVerifyWithOOB/Should_return_tokens');
    expectSpec(approved, '/oauth/token', 'post');
  });

  it('answers mfa-otp and mfa-recovery-code like the recordings', async () => {
    const mfa = await freshMfaToken();
    const assoc = await f.auth0('POST', '/mfa/associate', { authenticator_types: ['otp'] }, { bearer: mfa });
    const otp = await token({ grant_type: MFA_OTP, mfa_token: mfa, otp: f.code(assoc.json.secret as string) });
    expectLikeRecording(otp, 'TestMFAVerifyWithOTP');
    const recovery = await token({ grant_type: MFA_RECOVERY, mfa_token: mfa, recovery_code: (assoc.json.recovery_codes as string[])[0] ?? '' });
    expectLikeRecording(recovery, 'TestMFAVerifyWithRecoveryCode');
    expectSpec(recovery, '/oauth/token', 'post');
  });

  it('answers the password grant like the recordings when no MFA is needed', async () => {
    f.sim.addAuth0Tenant('nomfa', { requireMfa: false, clientId: 'test-client_id', users: [{ email: 'test-user@example.com', username: 'test-user', password: 'Testpassword123!' }] });
    const call = async (extra: Record<string, string>) => {
      const res = await fetch(`${f.sim.origin}/auth0/nomfa/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: 'test-client_id', grant_type: 'password', username: 'test-user', password: 'Testpassword123!', ...extra }) });
      const body = (await res.json()) as unknown;
      return { status: res.status, headers: res.headers, body, json: body as Record<string, unknown> };
    };
    expectLikeRecording(await call({}), 'TestOAuthLoginWithPassword/Should_return_tokens');
    expectLikeRecording(await call({ scope: 'extra-scope', extra: 'value' }), 'TestOAuthLoginWithPassword/Should_support_passing_extra_options');
  });
});

describe('simulated Auth0 error bodies against the error catalogue', () => {
  it('sends mfa_required with 403, the documented description and an mfa_token', async () => {
    const res = await token({ grant_type: 'password', username: 'carol', password: 'Traykey-Demo-3' });
    expect(res.status).toBe(403);
    const documented = pinned('mfa_required (password').body ?? {};
    expect(res.json.error).toBe(documented.error);
    expect(res.json.error_description).toBe(documented.error_description);
    expect(res.json.mfa_token).toEqual(expect.any(String));
    expectSpec(res, '/oauth/token', 'post');
  });

  it.each([
    ['invalid OTP code', async (mfa: string) => token({ grant_type: MFA_OTP, mfa_token: mfa, otp: '12345' })],
    ['expired mfa_token', async (mfa: string) => {
      f.tick(11 * 60_000);
      return token({ grant_type: MFA_OTP, mfa_token: mfa, otp: '123456' });
    }],
    ['malformed mfa_token', async () => token({ grant_type: MFA_OTP, mfa_token: 'garbage', otp: '123456' })],
    ['wrong username/password', async () => token({ grant_type: 'password', username: 'carol', password: 'wrong' })],
  ] as const)('answers "%s" with the catalogued body', async (name, act) => {
    const mfa = await freshMfaToken();
    const res = await act(mfa);
    const entry = pinned(name);
    expect(res.body).toEqual(entry.body);
    if (typeof entry.http_status === 'number') expect(res.status).toBe(entry.http_status);
    expectSpec(res, '/oauth/token', 'post');
  });

  it('answers the rate limit with the catalogued body and 429', async () => {
    f.sim.faults.add({ path: '/oauth/token', kind: 'rate-limit', times: 1 });
    const res = await token({ grant_type: 'password', username: 'carol', password: 'x' });
    const entry = pinned('Authentication API rate limit');
    expect(res.status).toBe(entry.http_status);
    expect(res.body).toEqual(entry.body);
    expectSpec(res, '/oauth/token', 'post');
  });
});
