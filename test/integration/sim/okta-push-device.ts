import { randomUUID } from 'node:crypto';
import { SignJWT, decodeJwt, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import type { SimOktaInfo } from '../../sim';

export const MYACCOUNT_ACCEPT = 'application/json; okta-version=1.0.0';
export const MANAGE_SCOPE = 'okta.myAccount.appAuthenticator.manage';
export const MAINTENANCE_READ = 'okta.myAccount.appAuthenticator.maintenance.read';

/** A test stand-in for an approver: a P-256 key, its enrolment, and hand-made response JWTs. */
export interface TestDevice {
  enrollmentId: string;
  methodEnrollmentId: string;
  userId: string;
  pendingHref: string;
  key: CryptoKey;
  kid: string;
  publicJwk: JWK;
}

export async function form(url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers }, body: new URLSearchParams(fields).toString() });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export async function passwordToken(okta: SimOktaInfo, login: string, password: string, scope = `openid ${MANAGE_SCOPE}`): Promise<string> {
  const res = await form(`${okta.url}/oauth2/v1/token`, { grant_type: 'password', client_id: okta.oidcClientId, username: login, password, scope });
  if (res.status !== 200) throw new Error(`password grant failed: ${res.status}`);
  return res.body.access_token as string;
}

export async function newKey(): Promise<{ key: CryptoKey; publicJwk: JWK; kid: string }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const kid = randomUUID();
  return { key: privateKey, kid, publicJwk: { ...(await exportJWK(publicKey)), kid, 'okta:kpr': 'SOFTWARE' } as JWK };
}

export async function enrollmentBody(okta: SimOktaInfo, proof: JWK, platform = 'LINUX'): Promise<Record<string, unknown>> {
  const device = await newKey();
  return {
    authenticatorId: okta.authenticatorId,
    device: {
      clientInstanceKey: device.publicJwk,
      clientInstanceBundleId: 'app.traykey.desktop',
      clientInstanceVersion: '0.1.0',
      clientInstanceDeviceSdkVersion: 'Traykey 0.1.0',
      osVersion: '6.8',
      platform,
      displayName: 'Test desktop',
      secureHardwarePresent: false,
    },
    methods: { push: { pushToken: '', keys: { proofOfPossession: proof }, capabilities: { transactionTypes: ['LOGIN', 'CIBA'] } } },
  };
}

export async function enrolDevice(okta: SimOktaInfo, login: string, password: string): Promise<TestDevice> {
  const token = await passwordToken(okta, login, password);
  const proof = await newKey();
  const res = await fetch(`${okta.url}/idp/myaccount/app-authenticators`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, accept: MYACCOUNT_ACCEPT, 'content-type': 'application/json' },
    body: JSON.stringify(await enrollmentBody(okta, proof.publicJwk)),
  });
  if (res.status !== 200) throw new Error(`enrolment failed: ${res.status}`);
  const body = (await res.json()) as { id: string; user: { id: string }; methods: { push: { id: string; links: { pending: { href: string } } } } };
  return { enrollmentId: body.id, methodEnrollmentId: body.methods.push.id, userId: body.user.id, pendingHref: body.methods.push.links.pending.href, ...proof };
}

/** A maintenance token from the jwt-bearer grant, the assertion signed with the device key. */
export async function maintenanceToken(okta: SimOktaInfo, device: TestDevice, nowMs: number): Promise<string> {
  const iat = Math.floor(nowMs / 1000);
  const assertion = await new SignJWT({ iss: device.enrollmentId, sub: device.enrollmentId, aud: `${okta.url}/oauth2/v1/token`, iat, exp: iat + 300, jti: randomUUID() })
    .setProtectedHeader({ alg: 'ES256', kid: device.kid, typ: 'JWT' })
    .sign(device.key);
  const res = await form(`${okta.url}/oauth2/v1/token`, { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', client_id: okta.oidcClientId, assertion, scope: MAINTENANCE_READ });
  if (res.status !== 200) throw new Error(`maintenance grant failed: ${res.status}`);
  return res.body.access_token as string;
}

export async function pendingChallenges(device: TestDevice, token: string): Promise<{ status: number; body: { payloadVersion: string; challenge: string }[] }> {
  const res = await fetch(device.pendingHref, { headers: { authorization: `Bearer ${token}`, accept: MYACCOUNT_ACCEPT } });
  return { status: res.status, body: res.status === 200 ? ((await res.json()) as { payloadVersion: string; challenge: string }[]) : [] };
}

export interface ResponseOptions {
  consent?: string;
  key?: CryptoKey;
  kid?: string;
  nonce?: string;
  tx?: string;
  jti?: string;
  keyType?: 'proofOfPossession' | 'userVerification';
}

/** The device's answer JWT (okta-devicebind+jwt) for a challenge JWT. */
export async function responseJwt(okta: SimOktaInfo, device: TestDevice, challengeJwt: string, nowMs: number, options: ResponseOptions = {}): Promise<string> {
  const claims = decodeJwt(challengeJwt) as { transactionId: string; nonce: string; challengeContext: { transactionType: string } };
  const iat = Math.floor(nowMs / 1000);
  return new SignJWT({
    iss: device.enrollmentId,
    sub: device.userId,
    aud: okta.url,
    jti: options.jti ?? randomUUID(),
    iat,
    nbf: iat - 60,
    exp: iat + 300,
    methodEnrollmentId: device.methodEnrollmentId,
    tx: options.tx ?? claims.transactionId,
    nonce: options.nonce ?? claims.nonce,
    keyType: options.keyType ?? 'proofOfPossession',
    deviceSignals: { displayName: 'Test desktop', platform: 'LINUX' },
    challengeResponseContext: { userConsent: options.consent ?? 'APPROVED_CONSENT_PROMPT', transactionType: claims.challengeContext.transactionType },
  })
    .setProtectedHeader({ alg: 'ES256', kid: options.kid ?? device.kid, typ: 'okta-devicebind+jwt' })
    .sign(options.key ?? device.key);
}

export async function answerChallenge(challengeJwt: string, response: string): Promise<number> {
  const { verificationUri } = decodeJwt(challengeJwt) as { verificationUri: string };
  const res = await fetch(verificationUri, { method: 'POST', headers: { accept: MYACCOUNT_ACCEPT, 'content-type': 'application/json' }, body: JSON.stringify({ method: 'push', challengeResponse: response }) });
  return res.status;
}

export function basic(clientId: string, clientSecret: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` };
}
