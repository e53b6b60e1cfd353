import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACTS } from './contracts';
import { createHash, randomBytes } from 'node:crypto';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type SimFixture } from './sim-client';
import {
  MYACCOUNT_ACCEPT,
  answerChallenge,
  basic,
  enrolDevice,
  enrollmentBody,
  form,
  maintenanceToken,
  newKey,
  passwordToken,
  pendingChallenges,
  responseJwt,
  type TestDevice,
} from './okta-push-device';

const examples = JSON.parse(readFileSync(join(CONTRACTS, 'okta/okta-myaccount-app-authenticator.examples.json'), 'utf8')) as Record<string, Record<string, unknown>>;
const BOB = { login: 'bob@example.com', password: 'Traykey-Demo-2' };
const ALICE = { login: 'alice@example.com', password: 'Traykey-Demo-1' };

const exampleKeys = (name: string): string[] => Object.keys(examples[name] ?? { missing: name });

let f: SimFixture;
let device: TestDevice;

beforeAll(async () => {
  f = await startFixture();
  device = await enrolDevice(f.sim.okta, BOB.login, BOB.password);
});

afterAll(async () => {
  await f.sim.close();
});

const okta = () => f.sim.okta;
const ciba = (fields: Record<string, string>, path = '/oauth2/v1/bc/authorize') => form(`${okta().url}${path}`, fields, basic(okta().ciba.clientId, okta().ciba.clientSecret));
const cibaToken = (authReqId: string) => form(`${okta().url}/oauth2/v1/token`, { grant_type: 'urn:openid:params:grant-type:ciba', auth_req_id: authReqId }, basic(okta().ciba.clientId, okta().ciba.clientSecret));

async function onlyPending(): Promise<string> {
  const list = await pendingChallenges(device, await maintenanceToken(okta(), device, f.now()));
  expect(list.body).toHaveLength(1);
  return list.body[0]?.challenge ?? '';
}

async function cibaChallenge(message = 'Helpdesk call 4411'): Promise<{ authReqId: string; challenge: string }> {
  const res = await ciba({ scope: 'openid email', login_hint: BOB.login, binding_message: message });
  expect(res.status).toBe(200);
  return { authReqId: res.body.auth_req_id as string, challenge: await onlyPending() };
}

describe('custom authenticator discovery and enrolment', () => {
  it('publishes the authenticator for the OIDC app and nothing for other clients', async () => {
    const found = (await (await fetch(`${okta().url}/.well-known/app-authenticator-configuration?oauthClientId=${okta().oidcClientId}`)).json()) as Record<string, unknown>[];
    expect(found[0]).toMatchObject({ authenticatorId: okta().authenticatorId, appAuthenticatorEnrollEndpoint: `${okta().url}/idp/myaccount/app-authenticators` });
    expect(found[0]?.supportedMethods).toEqual([expect.objectContaining({ type: 'push' })]);
    const none = await (await fetch(`${okta().url}/.well-known/app-authenticator-configuration?oauthClientId=0oaSomebodyElse`)).json();
    expect(none).toEqual([]);
  });

  it('accepts the published example request shape and answers with ids, links and the user', async () => {
    const token = await passwordToken(okta(), BOB.login, BOB.password);
    const body = structuredClone(examples['createAppAuthenticatorEnrollment.request']) as { authenticatorId: string; methods: { push: { keys: { proofOfPossession: unknown; userVerification?: unknown } } }; device: { clientInstanceKey: unknown } };
    body.authenticatorId = okta().authenticatorId;
    body.device.clientInstanceKey = (await newKey()).publicJwk;
    body.methods.push.keys.proofOfPossession = (await newKey()).publicJwk;
    delete body.methods.push.keys.userVerification;
    const res = await fetch(`${okta().url}/idp/myaccount/app-authenticators`, { method: 'POST', headers: { authorization: `Bearer ${token}`, accept: MYACCOUNT_ACCEPT, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    const enrolled = (await res.json()) as Record<string, unknown>;
    expect(enrolled).toMatchObject({ authenticatorId: okta().authenticatorId, user: { username: BOB.login }, device: { status: 'ACTIVE' }, links: { self: { hints: { allow: ['PATCH', 'DELETE'] } } } });
    expect(enrolled.id).toMatch(/^pfd/);
    expect((enrolled.methods as { push: { links: { pending: { href: string } } } }).push.links.pending.href).toBe(`${okta().url}/idp/myaccount/app-authenticators/${String(enrolled.id)}/push/notifications`);
  });

  it('accepts a desktop platform and an empty push token, and refuses a platform the org does not allow in one sentence', async () => {
    const token = await passwordToken(okta(), ALICE.login, ALICE.password);
    const headers = { authorization: `Bearer ${token}`, accept: MYACCOUNT_ACCEPT, 'content-type': 'application/json' };
    const url = `${okta().url}/idp/myaccount/app-authenticators`;
    expect((await fetch(url, { method: 'POST', headers, body: JSON.stringify(await enrollmentBody(okta(), (await newKey()).publicJwk, 'MACOS')) })).status).toBe(200);
    await f.okta('PUT', '/__sim/okta-push/settings', { allowedPlatforms: ['IOS', 'ANDROID'] }, { token: null });
    const refused = await fetch(url, { method: 'POST', headers, body: JSON.stringify(await enrollmentBody(okta(), (await newKey()).publicJwk, 'WINDOWS')) });
    await f.okta('PUT', '/__sim/okta-push/settings', { allowedPlatforms: [] }, { token: null });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ errorCode: 'E0000001', errorCauses: [{ errorSummary: expect.stringContaining('WINDOWS') }] });
  });

  it('rejects a body without a proof-of-possession key, a missing version header, and a token without the manage scope', async () => {
    const token = await passwordToken(okta(), ALICE.login, ALICE.password);
    const url = `${okta().url}/idp/myaccount/app-authenticators`;
    const body = await enrollmentBody(okta(), (await newKey()).publicJwk);
    delete (body.methods as { push: { keys: Record<string, unknown> } }).push.keys.proofOfPossession;
    const noKey = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, accept: MYACCOUNT_ACCEPT, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(noKey.status).toBe(400);
    const noVersion = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, accept: 'application/json', 'content-type': 'application/json' }, body: '{}' });
    expect(noVersion.status).toBe(400);
    const narrow = await passwordToken(okta(), ALICE.login, ALICE.password, 'openid');
    const wrongScope = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${narrow}`, accept: MYACCOUNT_ACCEPT, 'content-type': 'application/json' }, body: '{}' });
    expect(wrongScope.status).toBe(403);
  });

  it('answers 401 E0000015 with the example body when MyAccount is off for the org', async () => {
    await f.okta('PUT', '/__sim/okta-push/settings', { myAccountEnabled: false }, { token: null });
    const res = await fetch(`${okta().url}/idp/myaccount/app-authenticators`, { method: 'POST', headers: { accept: MYACCOUNT_ACCEPT, 'content-type': 'application/json' }, body: '{}' });
    await f.okta('PUT', '/__sim/okta-push/settings', { myAccountEnabled: true }, { token: null });
    expect(res.status).toBe(401);
    const { errorId: _ignored, ...body } = (await res.json()) as Record<string, unknown>;
    const { errorId: _example, ...expected } = examples['myAccountNotEnabled.401'] as Record<string, unknown>;
    expect(body).toEqual(expected);
  });

  it('patches capabilities and the user-verification key with the example merge patches, and deletes', async () => {
    const own = await enrolDevice(okta(), ALICE.login, ALICE.password);
    const token = await passwordToken(okta(), ALICE.login, ALICE.password);
    const url = `${okta().url}/idp/myaccount/app-authenticators/${own.enrollmentId}`;
    const headers = { authorization: `Bearer ${token}`, accept: MYACCOUNT_ACCEPT, 'content-type': 'application/merge-patch+json;okta-version=1.0.0' };
    for (const name of ['updateAppAuthenticatorEnrollment.transactionTypes', 'updateAppAuthenticatorEnrollment.removeUserVerificationKey']) {
      const res = await fetch(url, { method: 'PATCH', headers, body: JSON.stringify(examples[name]) });
      expect(res.status).toBe(200);
    }
    expect((await fetch(url, { method: 'DELETE', headers })).status).toBe(204);
    expect((await fetch(url, { method: 'DELETE', headers })).status).toBe(404);
  });
});

describe('OIDC sign-in for the approver', () => {
  it('runs authorization code + PKCE with a loopback redirect through the sign-in form', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const query = new URLSearchParams({
      client_id: okta().oidcClientId,
      response_type: 'code',
      redirect_uri: 'http://127.0.0.1:53682/callback',
      scope: 'openid okta.myAccount.appAuthenticator.manage',
      state: 'st-1',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      login_hint: BOB.login,
    });
    const page = await fetch(`${okta().url}/oauth2/v1/authorize?${query.toString()}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="password"');
    const posted = await fetch(`${okta().url}/oauth2/v1/authorize`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `${query.toString()}&username=${encodeURIComponent(BOB.login)}&password=${BOB.password}` });
    expect(posted.status).toBe(302);
    const location = new URL(posted.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe('http://127.0.0.1:53682/callback');
    expect(location.searchParams.get('state')).toBe('st-1');
    const code = location.searchParams.get('code') ?? '';
    const exchange = (code_verifier: string) => form(`${okta().url}/oauth2/v1/token`, { grant_type: 'authorization_code', client_id: okta().oidcClientId, code, code_verifier, redirect_uri: 'http://127.0.0.1:53682/callback' });
    const tokens = await exchange(verifier);
    expect(tokens.status).toBe(200);
    expect(tokens.body.scope).toBe('openid okta.myAccount.appAuthenticator.manage');
    expect((await exchange(verifier)).body.error).toBe('invalid_grant');
  });

  it('redirects at once for a login_hint user when the sim-only autoApproveLoginHint setting is on', async () => {
    await f.okta('PUT', '/__sim/okta-push/settings', { autoApproveLoginHint: true }, { token: null });
    const query = new URLSearchParams({ client_id: okta().oidcClientId, response_type: 'code', redirect_uri: 'http://localhost:9/cb', scope: 'openid', state: 's2', code_challenge: 'y'.repeat(43), code_challenge_method: 'S256', login_hint: BOB.login });
    const res = await fetch(`${okta().url}/oauth2/v1/authorize?${query.toString()}`, { redirect: 'manual' });
    await f.okta('PUT', '/__sim/okta-push/settings', { autoApproveLoginHint: false }, { token: null });
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location') ?? '').searchParams.get('code')).toBeTruthy();
  });

  it('refuses a redirect that is not loopback and a request without PKCE', async () => {
    const base = { client_id: okta().oidcClientId, response_type: 'code', scope: 'openid', state: 's', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' };
    const remote = await fetch(`${okta().url}/oauth2/v1/authorize?${new URLSearchParams({ ...base, redirect_uri: 'https://evil.example/cb' }).toString()}`);
    expect(remote.status).toBe(400);
    const plain = await fetch(`${okta().url}/oauth2/v1/authorize?${new URLSearchParams({ ...base, code_challenge_method: 'plain', redirect_uri: 'http://127.0.0.1:1/cb' }).toString()}`);
    expect(plain.status).toBe(400);
  });

  it('refuses a maintenance assertion signed by another key and a replayed one', async () => {
    const stranger = await newKey();
    const { SignJWT } = await import('jose');
    const iat = Math.floor(f.now() / 1000);
    const claims = { iss: device.enrollmentId, sub: device.enrollmentId, aud: `${okta().url}/oauth2/v1/token`, iat, exp: iat + 300, jti: 'same-jti' };
    const grant = (assertion: string) => form(`${okta().url}/oauth2/v1/token`, { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', client_id: okta().oidcClientId, assertion, scope: 'okta.myAccount.appAuthenticator.maintenance.read' });
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: device.kid }).sign(stranger.key);
    expect((await grant(forged)).body.error).toBe('invalid_grant');
    const genuine = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: device.kid }).sign(device.key);
    expect((await grant(genuine)).status).toBe(200);
    expect((await grant(genuine)).body.error).toBe('invalid_grant');
  });
});

describe('challenges and CIBA', () => {
  it('answers bc/authorize with the example keys, and lists one RS256 okta-pushbind+jwt challenge carrying every example claim', async () => {
    const res = await ciba({ scope: 'openid email', login_hint: BOB.login, binding_message: 'Test Binding Message' }, '/oauth2/default/v1/bc/authorize');
    expect(Object.keys(res.body).sort()).toEqual(exampleKeys('ciba.bcAuthorize.response').sort());
    expect(res.body).toMatchObject({ expires_in: 300, interval: 5 });
    const list = await pendingChallenges(device, await maintenanceToken(okta(), device, f.now()));
    expect(list.body.map((item) => Object.keys(item).sort())).toEqual([['challenge', 'payloadVersion']]);
    const jwt = list.body[0]?.challenge ?? '';
    expect(decodeProtectedHeader(jwt)).toMatchObject({ typ: 'okta-pushbind+jwt', alg: 'RS256' });
    const jwks = (await (await fetch(`${okta().url}/oauth2/v1/keys`)).json()) as { keys: { kid: string }[] };
    const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks as never), { currentDate: new Date(f.now()), issuer: okta().url });
    expect(Object.keys(payload).sort()).toEqual(exampleKeys('challengeJwt.payload').sort());
    expect(payload).toMatchObject({ authenticatorEnrollmentId: device.enrollmentId, methodEnrollmentId: device.methodEnrollmentId, userId: device.userId, method: 'push' });
    expect(payload.challengeContext).toMatchObject({ transactionType: 'CIBA', bindingMessage: 'Test Binding Message' });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(300);
    expect(await answerChallenge(jwt, await responseJwt(okta(), device, jwt, f.now(), { consent: 'DENIED_CONSENT_PROMPT' }))).toBe(204);
  });

  it('approves with a 200 and hands the CIBA client tokens shaped like the example, with an RS256 id token for the user', async () => {
    const { authReqId, challenge } = await cibaChallenge();
    expect(await answerChallenge(challenge, await responseJwt(okta(), device, challenge, f.now()))).toBe(200);
    const tokens = await cibaToken(authReqId);
    expect(tokens.status).toBe(200);
    expect(Object.keys(tokens.body).sort()).toEqual(exampleKeys('ciba.token.success').sort());
    const jwks = (await (await fetch(`${okta().url}/oauth2/v1/keys`)).json()) as never;
    const { payload } = await jwtVerify(tokens.body.id_token as string, createLocalJWKSet(jwks), { currentDate: new Date(f.now()), audience: okta().ciba.clientId });
    expect(payload).toMatchObject({ sub: device.userId, email: BOB.login });
    expect((await cibaToken(authReqId)).body.error).toBe('invalid_grant');
  });

  it('says authorization_pending with the example body, slow_down (adding 5 s) when polled too fast, access_denied after a denial', async () => {
    const { authReqId, challenge } = await cibaChallenge();
    expect((await cibaToken(authReqId)).body.error).toBe('slow_down');
    f.tick(10_000);
    const pending = await cibaToken(authReqId);
    expect(pending.status).toBe(400);
    expect(pending.body).toEqual(examples['ciba.token.pending']);
    const state = (await f.okta('GET', '/__sim/okta-push/state', undefined, { token: null })).json as { cibaRequests: { id: string; intervalSeconds: number }[] };
    expect(state.cibaRequests.find((r) => r.id === authReqId)?.intervalSeconds).toBe(10);
    expect(await answerChallenge(challenge, await responseJwt(okta(), device, challenge, f.now(), { consent: 'DENIED_CONSENT_PROMPT' }))).toBe(204);
    f.tick(10_000);
    expect((await cibaToken(authReqId)).body.error).toBe('access_denied');
  });

  it('says expired_token once the request outlives request_expiry, and the challenge leaves the list', async () => {
    const res = await ciba({ scope: 'openid', login_hint: BOB.login, binding_message: 'Expires soon', request_expiry: '60' });
    expect((await onlyPending()).length).toBeGreaterThan(0);
    f.tick(61_000);
    expect((await cibaToken(res.body.auth_req_id as string)).body.error).toBe('expired_token');
    expect((await pendingChallenges(device, await maintenanceToken(okta(), device, f.now()))).body).toEqual([]);
  });

  it('rejects CIBA without client authentication and for a user without an enrolment', async () => {
    expect((await form(`${okta().url}/oauth2/v1/bc/authorize`, { scope: 'openid', login_hint: BOB.login })).status).toBe(401);
    expect((await ciba({ scope: 'openid', login_hint: 'nobody@example.com' })).body.error).toBe('unknown_user_id');
  });

  it('rejects response JWTs with a wrong key, a stale nonce, a wrong tx, a replayed jti, or for an expired challenge (400)', async () => {
    const first = await cibaChallenge('first');
    const stranger = await newKey();
    expect(await answerChallenge(first.challenge, await responseJwt(okta(), device, first.challenge, f.now(), { key: stranger.key }))).toBe(400);
    expect(await answerChallenge(first.challenge, await responseJwt(okta(), device, first.challenge, f.now(), { nonce: 'stale-nonce-000000000' }))).toBe(400);
    expect(await answerChallenge(first.challenge, await responseJwt(okta(), device, first.challenge, f.now(), { tx: 'ftSomethingElse' }))).toBe(400);
    expect(await answerChallenge(first.challenge, await responseJwt(okta(), device, first.challenge, f.now(), { jti: 'jti-once' }))).toBe(200);
    const second = await cibaChallenge('second');
    expect(await answerChallenge(second.challenge, await responseJwt(okta(), device, second.challenge, f.now(), { jti: 'jti-once' }))).toBe(400);
    f.tick(301_000);
    expect(await answerChallenge(second.challenge, await responseJwt(okta(), device, second.challenge, f.now()))).toBe(400);
  });

  it('lists spoiled challenges on request (foreign key, expired, replay) that can never be answered', async () => {
    for (const tamper of ['foreign-key', 'expired', 'replay']) {
      const made = await f.okta('POST', '/__sim/okta-push/challenges', { login: BOB.login, tamper }, { token: null });
      expect(made.status).toBe(201);
    }
    const list = await pendingChallenges(device, await maintenanceToken(okta(), device, f.now()));
    expect(list.body).toHaveLength(3);
    const jwks = createLocalJWKSet((await (await fetch(`${okta().url}/oauth2/v1/keys`)).json()) as never);
    const forged = list.body[0]?.challenge ?? '';
    await expect(jwtVerify(forged, jwks, { currentDate: new Date(f.now()) })).rejects.toThrow();
    expect(decodeJwt(list.body[1]?.challenge ?? '').exp ?? 0).toBeLessThan(f.now() / 1000);
  });

  it('never turns a classic /api/v1/authn push into a custom-authenticator challenge', async () => {
    const before = (await f.okta('GET', '/__sim/okta-push/state', undefined, { token: null })).json as { challenges: unknown[] };
    const primary = await f.okta('POST', '/api/v1/authn', { username: BOB.login, password: BOB.password }, { token: null });
    const factor = (primary.json._embedded as { factors: { id: string; factorType: string }[] }).factors.find((x) => x.factorType === 'push');
    const push = await f.okta('POST', `/api/v1/authn/factors/${factor?.id ?? ''}/verify`, { stateToken: primary.json.stateToken }, { token: null });
    expect(push.json.factorResult).toBe('WAITING');
    const after = (await f.okta('GET', '/__sim/okta-push/state', undefined, { token: null })).json as { challenges: unknown[] };
    expect(after.challenges.length).toBe(before.challenges.length);
  });
});
