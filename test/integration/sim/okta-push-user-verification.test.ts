import { readFileSync } from 'node:fs';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oktaPushState } from '../../sim/okta-push';
import { startFixture, type SimFixture } from './sim-client';
import { MYACCOUNT_ACCEPT, answerChallenge, enrolDevice, maintenanceToken, newKey, passwordToken, pendingChallenges, responseJwt, type TestDevice } from './okta-push-device';

/** Enum values and the example patches, copied into the project with their public source. */
const facts = JSON.parse(readFileSync(new URL('../../contracts/okta/app-authenticator-user-verification.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const BOB = { login: 'bob@example.com', password: 'Traykey-Demo-2' };

let f: SimFixture;
let device: TestDevice;
let uv: Awaited<ReturnType<typeof newKey>>;

const okta = () => f.sim.okta;

async function patchUvKey(body: unknown): Promise<number> {
  const token = await passwordToken(okta(), BOB.login, BOB.password);
  const res = await fetch(`${okta().url}/idp/myaccount/app-authenticators/${device.enrollmentId}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, accept: MYACCOUNT_ACCEPT, 'content-type': 'application/merge-patch+json;okta-version=1.0.0' },
    body: JSON.stringify(body),
  });
  return res.status;
}

/** A fresh challenge for Bob's device under the given demand, as the org lists it. */
async function challengeUnder(userVerification: string): Promise<string> {
  const res = await f.okta('POST', '/__sim/okta-push/challenges', { login: BOB.login, userVerification });
  expect(res.status).toBe(201);
  const list = await pendingChallenges(device, await maintenanceToken(okta(), device, f.now()));
  const jwt = list.body.at(-1)?.challenge ?? '';
  expect(decodeJwt(jwt).userVerification).toBe(userVerification);
  return jwt;
}

function recordedResponse(jwt: string): unknown {
  const tx = decodeJwt(jwt).transactionId as string;
  return oktaPushState(f.sim.state.okta()!).challenges.get(tx)?.response;
}

beforeAll(async () => {
  f = await startFixture({ seed: { okta: { userVerification: 'REQUIRED' } } });
  device = await enrolDevice(okta(), BOB.login, BOB.password);
  uv = await newKey();
  expect(await patchUvKey({ methods: { push: { keys: { userVerification: uv.publicJwk } } } })).toBe(200);
});

afterAll(async () => {
  await f.sim.close();
});

describe('the custom authenticator’s user-verification setting', () => {
  it('is published in discovery and carried by every challenge, with the contract’s values', async () => {
    expect(facts['discovery.settings.userVerification']).toEqual(['REQUIRED', 'PREFERRED', 'DISCOURAGED']);
    const found = (await (await fetch(`${okta().url}/.well-known/app-authenticator-configuration?oauthClientId=${okta().oidcClientId}`)).json()) as { settings: { userVerification: string } }[];
    expect(found[0]?.settings.userVerification).toBe('REQUIRED');
    const res = await f.okta('POST', '/__sim/okta-push/challenges', { login: BOB.login });
    expect(res.status).toBe(201);
    const list = await pendingChallenges(device, await maintenanceToken(okta(), device, f.now()));
    const claims = decodeJwt(list.body.at(-1)?.challenge ?? '');
    expect(claims.userVerification).toBe('REQUIRED');
    expect(facts['challenge.userMediation']).toContain(claims.userMediation);
    await answerChallenge(list.body.at(-1)?.challenge ?? '', await responseJwt(okta(), device, list.body.at(-1)?.challenge ?? '', f.now(), { consent: 'DENIED_CONSENT_PROMPT' }));
  });

  it('defaults to DISCOURAGED and can be changed through the settings route', async () => {
    const other = await startFixture();
    try {
      expect(oktaPushState(other.sim.state.okta()!).settings.userVerification).toBe('DISCOURAGED');
      expect((await other.okta('PUT', '/__sim/okta-push/settings', { userVerification: 'PREFERRED' })).json.userVerification).toBe('PREFERRED');
      expect((await other.okta('PUT', '/__sim/okta-push/settings', { userVerification: 'SOMETIMES' })).status).toBe(400);
    } finally {
      await other.sim.close();
    }
  });
});

describe('verifying answers against the demand', () => {
  it('REQUIRED: a proof-of-possession consent is rejected (400) and the challenge stays open', async () => {
    const jwt = await challengeUnder('REQUIRED');
    expect(await answerChallenge(jwt, await responseJwt(okta(), device, jwt, f.now(), { consent: 'APPROVED_CONSENT_PROMPT' }))).toBe(400);
    expect(recordedResponse(jwt)).toBeUndefined();
    expect(await answerChallenge(jwt, await responseJwt(okta(), device, jwt, f.now(), { consent: 'APPROVED_USER_VERIFICATION', key: uv.key, kid: uv.kid, keyType: 'userVerification' }))).toBe(200);
    expect(recordedResponse(jwt)).toEqual({ userConsent: 'APPROVED_USER_VERIFICATION', keyType: 'userVerification' });
  });

  it('APPROVED_USER_VERIFICATION must come from the UV key with keyType userVerification, and the UV key signs nothing else', async () => {
    const jwt = await challengeUnder('PREFERRED');
    expect(await answerChallenge(jwt, await responseJwt(okta(), device, jwt, f.now(), { consent: 'APPROVED_USER_VERIFICATION' }))).toBe(400);
    expect(await answerChallenge(jwt, await responseJwt(okta(), device, jwt, f.now(), { consent: 'APPROVED_USER_VERIFICATION', key: uv.key, kid: uv.kid }))).toBe(400);
    expect(await answerChallenge(jwt, await responseJwt(okta(), device, jwt, f.now(), { consent: 'APPROVED_USER_VERIFICATION', keyType: 'userVerification' }))).toBe(400);
    expect(await answerChallenge(jwt, await responseJwt(okta(), device, jwt, f.now(), { consent: 'APPROVED_CONSENT_PROMPT', key: uv.key, kid: uv.kid, keyType: 'userVerification' }))).toBe(400);
    expect(await answerChallenge(jwt, await responseJwt(okta(), device, jwt, f.now(), { consent: 'APPROVED_CONSENT_PROMPT' }))).toBe(200);
  });

  it('a cancelled or unavailable verification, and a plain denial, end the challenge unapproved (204)', async () => {
    for (const consent of ['CANCELLED_USER_VERIFICATION', 'UV_TEMPORARILY_UNAVAILABLE', 'UV_PERMANENTLY_UNAVAILABLE', 'DENIED_CONSENT_PROMPT']) {
      expect(facts['response.challengeResponseContext.userConsent']).toContain(consent);
      const jwt = await challengeUnder('REQUIRED');
      expect(await answerChallenge(jwt, await responseJwt(okta(), device, jwt, f.now(), { consent }))).toBe(204);
      expect(recordedResponse(jwt)).toEqual({ userConsent: consent, keyType: 'proofOfPossession' });
    }
  });

  it('DISCOURAGED: a consent approves; once the UV key is removed (the example patch) its answers are refused', async () => {
    const consent = await challengeUnder('DISCOURAGED');
    expect(await answerChallenge(consent, await responseJwt(okta(), device, consent, f.now()))).toBe(200);
    expect(await patchUvKey(facts['updateAppAuthenticatorEnrollment.removeUserVerificationKey'])).toBe(200);
    const jwt = await challengeUnder('REQUIRED');
    expect(await answerChallenge(jwt, await responseJwt(okta(), device, jwt, f.now(), { consent: 'APPROVED_USER_VERIFICATION', key: uv.key, kid: uv.kid, keyType: 'userVerification' }))).toBe(400);
  });
});
