import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFixture, type SimFixture } from './sim-client';

let f: SimFixture;
beforeEach(async () => {
  f = await startFixture({ pushTimeoutMs: 120_000, mfaTokenTtlMs: 600_000, oobPollIntervalMs: 5_000 });
});
afterEach(async () => {
  await f.sim.close();
});

const REALM_GRANT = 'http://auth0.com/oauth/grant-type/password-realm';
const MFA_OTP = 'http://auth0.com/oauth/grant-type/mfa-otp';
const MFA_OOB = 'http://auth0.com/oauth/grant-type/mfa-oob';
const MFA_RECOVERY = 'http://auth0.com/oauth/grant-type/mfa-recovery-code';

async function login(username: string, password: string): Promise<string> {
  const res = await f.auth0('POST', '/oauth/token', { grant_type: REALM_GRANT, realm: f.sim.auth0.realm, client_id: f.sim.auth0.clientId, username, password }, { form: true });
  expect(res.status).toBe(403);
  expect(res.json.error).toBe('mfa_required');
  return res.json.mfa_token as string;
}

const token = (body: Record<string, unknown>) => f.auth0('POST', '/oauth/token', { client_id: f.sim.auth0.clientId, client_secret: f.sim.auth0.clientSecret, ...body }, { form: true });

describe('Auth0 Authentication and MFA API (simulated)', () => {
  it('refuses a wrong password with invalid_grant', async () => {
    const res = await token({ grant_type: 'password', username: 'carol', password: 'nope' });
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ error: 'invalid_grant', error_description: 'Wrong email or password.' });
  });

  it('returns tokens straight away when the tenant does not require MFA and the user has none', async () => {
    f.sim.addAuth0Tenant('open', { requireMfa: false, clientId: 'open-client', users: [{ email: 'olga@example.com', password: 'Traykey-Demo-6' }] });
    const res = await fetch(`${f.sim.origin}/auth0/open/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: 'open-client', username: 'olga@example.com', password: 'Traykey-Demo-6' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ token_type: 'Bearer', expires_in: 86400, scope: 'openid profile email address phone' });
  });

  it('enrols OTP with the mfa_token, confirms it with mfa-otp once per code, and lists it active', async () => {
    const mfaToken = await login('carol', 'Traykey-Demo-3');
    const assoc = await f.auth0('POST', '/mfa/associate', { authenticator_types: ['otp'], client_id: f.sim.auth0.clientId }, { bearer: mfaToken });
    expect(assoc.status).toBe(200);
    expect(assoc.json).toMatchObject({ authenticator_type: 'otp', secret: expect.any(String), recovery_codes: [expect.any(String)] });
    expect(assoc.json.barcode_uri).toContain(`secret=${assoc.json.secret as string}`);
    const secret = assoc.json.secret as string;
    const wrong = await token({ grant_type: MFA_OTP, mfa_token: mfaToken, otp: f.wrongCode(secret) });
    expect(wrong.status).toBe(403);
    expect(wrong.json).toEqual({ error: 'invalid_grant', error_description: 'Invalid otp_code.' });
    const ok = await token({ grant_type: MFA_OTP, mfa_token: mfaToken, otp: f.code(secret) });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 86400 });
    expect((await token({ grant_type: MFA_OTP, mfa_token: mfaToken, otp: f.code(secret) })).json.error).toBe('invalid_grant');
    const list = await f.auth0('GET', '/mfa/authenticators', undefined, { bearer: mfaToken });
    expect(list.body).toEqual(expect.arrayContaining([expect.objectContaining({ authenticator_type: 'otp', active: true })]));
  });

  it('challenges a push authenticator: pending, slow_down when polled too fast, then tokens on approval', async () => {
    const mfaToken = await login('dave', 'Traykey-Demo-4');
    const push = f.sim.state.auth0()?.findUser('dave')?.authenticators.find((a) => a.oobChannel === 'auth0');
    const challenge = await f.auth0('POST', '/mfa/challenge', { client_id: f.sim.auth0.clientId, challenge_type: 'oob', authenticator_id: push?.id, mfa_token: mfaToken });
    expect(challenge.json).toEqual({ challenge_type: 'oob', oob_code: expect.any(String) });
    const poll = () => token({ grant_type: MFA_OOB, mfa_token: mfaToken, oob_code: challenge.json.oob_code as string });
    const pending = await poll();
    expect(pending.status).toBe(400);
    expect(pending.json).toEqual({ error: 'authorization_pending', error_description: 'Authorization pending: please repeat the request in a few seconds.' });
    expect((await poll()).json.error).toBe('slow_down');
    f.tick(5_000);
    const answer = await f.auth0('POST', '/__sim/guardian/answer', { username: 'dave', answer: 'approve' });
    expect(answer.status).toBe(200);
    const done = await poll();
    expect(done.status).toBe(200);
    expect(done.json.access_token).toEqual(expect.any(String));
  });

  it('answers access_denied when the push is rejected and expired_token when nobody answers', async () => {
    const mfaToken = await login('dave', 'Traykey-Demo-4');
    const challenge = async () => (await f.auth0('POST', '/mfa/challenge', { client_id: f.sim.auth0.clientId, challenge_type: 'oob', mfa_token: mfaToken })).json.oob_code as string;
    const first = await challenge();
    expect(f.sim.phone.guardian('dave@example.com', 'deny')).toBe(true);
    const rejected = await token({ grant_type: MFA_OOB, mfa_token: mfaToken, oob_code: first });
    expect(rejected.status).toBe(400);
    expect(rejected.json).toEqual({ error: 'access_denied', error_description: 'MFA Authorization rejected.' });
    const second = await challenge();
    f.tick(120_000);
    expect((await token({ grant_type: MFA_OOB, mfa_token: mfaToken, oob_code: second })).json.error).toBe('expired_token');
  });

  it('expires the mfa_token by the injected clock', async () => {
    const mfaToken = await login('carol', 'Traykey-Demo-3');
    f.tick(600_000);
    const res = await token({ grant_type: MFA_OTP, mfa_token: mfaToken, otp: '123456' });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: 'expired_token', error_description: 'mfa_token is expired' });
  });

  it('signs in with the recovery code and hands out a new one', async () => {
    const mfaToken = await login('carol', 'Traykey-Demo-3');
    const assoc = await f.auth0('POST', '/mfa/associate', { authenticator_types: ['otp'] }, { bearer: mfaToken });
    const recovery = (assoc.json.recovery_codes as string[])[0] ?? '';
    await token({ grant_type: MFA_OTP, mfa_token: mfaToken, otp: f.code(assoc.json.secret as string) });
    const mfa2 = await login('carol', 'Traykey-Demo-3');
    const res = await token({ grant_type: MFA_RECOVERY, mfa_token: mfa2, recovery_code: recovery });
    expect(res.status).toBe(200);
    expect(res.json.recovery_code).toEqual(expect.any(String));
    expect(res.json.recovery_code).not.toBe(recovery);
    expect((await token({ grant_type: MFA_RECOVERY, mfa_token: mfa2, recovery_code: recovery })).json.error).toBe('invalid_grant');
  });

  it('enrols Guardian push: the oob_code stays pending until the phone approves', async () => {
    const mfaToken = await login('carol', 'Traykey-Demo-3');
    const assoc = await f.auth0('POST', '/mfa/associate', { authenticator_types: ['oob'], oob_channels: ['auth0'] }, { bearer: mfaToken });
    expect(assoc.json).toMatchObject({ authenticator_type: 'oob', oob_channel: 'auth0', oob_code: expect.any(String) });
    expect(assoc.json.barcode_uri).toMatch(/^otpauth:\/\/totp\/.+\?enrollment_tx_id=.+&base_url=/);
    const poll = () => token({ grant_type: MFA_OOB, mfa_token: mfaToken, oob_code: assoc.json.oob_code as string });
    expect((await poll()).json.error).toBe('authorization_pending');
    f.sim.phone.guardian('carol', 'approve');
    f.tick(5_000);
    expect((await poll()).status).toBe(200);
  });

  it('enrols SMS with a binding code read from the simulated outbox', async () => {
    const mfaToken = await login('carol', 'Traykey-Demo-3');
    const assoc = await f.auth0('POST', '/mfa/associate', { authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: '+15550001234' }, { bearer: mfaToken });
    expect(assoc.json).toMatchObject({ authenticator_type: 'oob', binding_method: 'prompt', oob_channel: 'sms' });
    const outbox = await f.auth0('GET', '/__sim/sms/outbox?phone_number=%2B15550001234');
    const code = (outbox.body as { code: string }[])[0]?.code ?? '';
    const wrong = await token({ grant_type: MFA_OOB, mfa_token: mfaToken, oob_code: assoc.json.oob_code as string, binding_code: code === '000000' ? '111111' : '000000' });
    expect(wrong.json).toEqual({ error: 'invalid_grant', error_description: 'Invalid binding_code.' });
    expect((await token({ grant_type: MFA_OOB, mfa_token: mfaToken, oob_code: assoc.json.oob_code as string, binding_code: code })).status).toBe(200);
  });

  it('deletes an authenticator with 204', async () => {
    const mfaToken = await login('dave', 'Traykey-Demo-4');
    const list = (await f.auth0('GET', '/mfa/authenticators', undefined, { bearer: mfaToken })).body as { id: string }[];
    const target = list[0]?.id ?? '';
    const res = await f.auth0('DELETE', `/mfa/authenticators/${encodeURIComponent(target)}`, undefined, { bearer: mfaToken });
    expect(res.status).toBe(204);
    expect(((await f.auth0('GET', '/mfa/authenticators', undefined, { bearer: mfaToken })).body as { id: string }[]).map((a) => a.id)).not.toContain(target);
  });
});

describe('Auth0 Management API (simulated)', () => {
  async function managementToken(): Promise<string> {
    const res = await f.auth0('POST', '/oauth/token', {
      grant_type: 'client_credentials',
      client_id: f.sim.auth0.managementClientId,
      client_secret: f.sim.auth0.managementClientSecret,
      audience: f.sim.auth0.managementAudience,
    });
    expect(res.status).toBe(200);
    return res.json.access_token as string;
  }

  it('creates, finds by email, reads and deletes a user with a client_credentials token', async () => {
    const bearer = await managementToken();
    const created = await f.auth0('POST', '/api/v2/users', { email: 'new@example.com', password: 'Sim-Passw0rd!', connection: f.sim.auth0.realm }, { bearer });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ email: 'new@example.com', user_id: expect.stringMatching(/^auth0\|/) });
    const dup = await f.auth0('POST', '/api/v2/users', { email: 'new@example.com', password: 'Sim-Passw0rd!', connection: f.sim.auth0.realm }, { bearer });
    expect(dup.json).toMatchObject({ statusCode: 409, message: 'The user already exists.' });
    const byEmail = await f.auth0('GET', '/api/v2/users-by-email?email=new%40example.com', undefined, { bearer });
    expect(byEmail.body).toHaveLength(1);
    const id = encodeURIComponent(created.json.user_id as string);
    expect((await f.auth0('GET', `/api/v2/users/${id}`, undefined, { bearer })).status).toBe(200);
    expect((await f.auth0('DELETE', `/api/v2/users/${id}`, undefined, { bearer })).status).toBe(204);
    expect((await f.auth0('GET', `/api/v2/users/${id}`, undefined, { bearer })).status).toBe(404);
  });

  it('refuses the Management API without a management token', async () => {
    const res = await f.auth0('GET', '/api/v2/users-by-email?email=x%40example.com', undefined, { bearer: 'nope' });
    expect(res.status).toBe(401);
  });

  it('refuses client_credentials for another audience', async () => {
    const res = await f.auth0('POST', '/oauth/token', { grant_type: 'client_credentials', client_id: f.sim.auth0.managementClientId, client_secret: f.sim.auth0.managementClientSecret, audience: 'https://elsewhere/' });
    expect(res.status).toBe(403);
    expect(res.json.error).toBe('access_denied');
  });
});
