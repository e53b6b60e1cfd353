import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTVerifyGetKey } from 'jose';
import { createDeviceKey } from '../../../electron/core/push/device-keys';
import type { StoredEnrolment } from '../../../electron/core/push/push-record';

export const ORG = 'https://acme.okta.test';
export const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);

export interface OrgSigner {
  keys: JWTVerifyGetKey;
  /** The org's public key as its JWKS publishes it. */
  publicJwk: JWK;
  sign(claims: Record<string, unknown>, options?: { typ?: string; key?: CryptoKey | Uint8Array; kid?: string; alg?: string; header?: Record<string, unknown> }): Promise<string>;
}

/** An org signing key published as a JWKS, and a way to sign challenges with it (or another key). */
export async function orgSigner(kid = 'org-key-1'): Promise<OrgSigner> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return {
    keys: createLocalJWKSet({ keys: [jwk] }),
    publicJwk: jwk,
    sign: (claims, options = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ ...options.header, alg: options.alg ?? 'RS256', typ: options.typ ?? 'okta-pushbind+jwt', kid: options.kid ?? kid })
        .sign(options.key ?? privateKey),
  };
}

export async function enrolment(overrides: Partial<StoredEnrolment> = {}): Promise<StoredEnrolment> {
  return {
    id: 'pfdENROLMENT1',
    orgUrl: ORG,
    clientId: '0oaCLIENT',
    authenticatorId: 'autCUSTOM',
    methodEnrollmentId: 'opfMETHOD1',
    userId: '00uUSER1',
    deviceId: 'guoDEVICE1',
    pendingHref: `${ORG}/idp/myaccount/app-authenticators/pfdENROLMENT1/push/notifications`,
    tokenEndpoint: `${ORG}/oauth2/v1/token`,
    jwksUri: `${ORG}/oauth2/v1/keys`,
    proofOfPossession: await createDeviceKey(),
    clientInstance: await createDeviceKey(),
    createdAt: NOW,
    ...overrides,
  };
}

export function challengeClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const iat = Math.floor(NOW / 1000);
  return {
    iss: ORG,
    aud: 'okta.00000000-0000-0000-0000-000000000000',
    iat,
    exp: iat + 300,
    jti: 'ftTRANSACTION1',
    transactionId: 'ftTRANSACTION1',
    nonce: 'NONCE-1',
    verificationUri: `${ORG}/idp/myaccount/app-authenticators/challenge/ftTRANSACTION1/verify`,
    userId: '00uUSER1',
    authenticatorEnrollmentId: 'pfdENROLMENT1',
    methodEnrollmentId: 'opfMETHOD1',
    method: 'push',
    appInstanceName: 'Payroll',
    signals: ['id', 'platform', 'udid', 'imei'],
    challengeContext: { clientOS: 'MAC_OS_X', clientLocation: 'Lyon, France', transactionTime: new Date(NOW).toISOString(), transactionType: 'CIBA', bindingMessage: 'Call 4711' },
    ...overrides,
  };
}
