import { createPublicKey, randomBytes, type JsonWebKey } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyChallenge, type VerifyContext } from '../../../electron/core/push/challenge-verify';
import { judgeReplay, seenEntry } from '../../../electron/core/push/replay-guard';
import type { StoredEnrolment } from '../../../electron/core/push/push-record';
import { challengeClaims, enrolment as makeEnrolment, NOW, ORG, orgSigner, type OrgSigner } from './fixtures';

let org: OrgSigner;
let mine: StoredEnrolment;
let context: VerifyContext;

beforeAll(async () => {
  org = await orgSigner();
  mine = await makeEnrolment();
  context = { enrolment: mine, keys: org.keys, serverNow: NOW, skewMs: 0, leewayMs: 60_000 };
});

async function reasonFor(jwt: string, overrides: Partial<VerifyContext> = {}) {
  const outcome = await verifyChallenge(jwt, { ...context, ...overrides });
  return outcome.ok ? 'accepted' : outcome.reason;
}

describe('verifying a challenge before it is shown', () => {
  it('accepts a challenge the org signed for this enrolment and reads what the window shows', async () => {
    const outcome = await verifyChallenge(await org.sign(challengeClaims()), context);
    expect(outcome).toEqual({
      ok: true,
      challenge: expect.objectContaining({ id: 'ftTRANSACTION1', app: 'Payroll', transactionType: 'CIBA', bindingMessage: 'Call 4711', clientOS: 'MAC_OS_X', location: 'Lyon, France', expiresAt: NOW + 300_000 }),
    });
  });

  it('rejects a challenge signed by a key the org does not publish under that kid (forged)', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    expect(await reasonFor(await org.sign(challengeClaims(), { key: privateKey }))).toBe('bad-signature');
  });

  it('rejects a challenge naming a key the org does not publish', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    expect(await reasonFor(await org.sign(challengeClaims(), { key: privateKey, kid: 'attacker' }))).toBe('unknown-key');
  });

  it('rejects an ES256 challenge even when the header says so', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    expect(await reasonFor(await org.sign(challengeClaims(), { key: privateKey, alg: 'ES256' }))).toBe('wrong-algorithm');
  });

  it('rejects a JWT of another type', async () => {
    expect(await reasonFor(await org.sign(challengeClaims(), { typ: 'JWT' }))).toBe('wrong-type');
  });

  it('rejects a challenge past its exp by more than the leeway, and accepts one within it', async () => {
    const exp = Math.floor(NOW / 1000) - 61;
    expect(await reasonFor(await org.sign(challengeClaims({ exp, iat: exp - 300 })))).toBe('expired');
    expect(await reasonFor(await org.sign(challengeClaims({ exp: exp + 2, iat: exp - 300 })))).toBe('accepted');
  });

  it('never allows more than five minutes of leeway, whatever it is asked for', async () => {
    const exp = Math.floor(NOW / 1000) - 301;
    expect(await reasonFor(await org.sign(challengeClaims({ exp, iat: exp - 300 })), { leewayMs: 3_600_000 })).toBe('expired');
  });

  it('rejects a challenge issued by another org', async () => {
    expect(await reasonFor(await org.sign(challengeClaims({ iss: 'https://evil.okta.test' })))).toBe('wrong-issuer');
  });

  it('rejects a challenge for another authenticator or method enrolment', async () => {
    expect(await reasonFor(await org.sign(challengeClaims({ authenticatorEnrollmentId: 'pfdOTHER' })))).toBe('wrong-enrolment');
    expect(await reasonFor(await org.sign(challengeClaims({ methodEnrollmentId: 'opfOTHER' })))).toBe('wrong-enrolment');
  });

  it('rejects a challenge whose answer would go to another site', async () => {
    expect(await reasonFor(await org.sign(challengeClaims({ verificationUri: 'https://evil.test/verify' })))).toBe('foreign-verification-uri');
  });

  it('judges exp on the org clock: a fast local clock does not expire a fresh challenge', async () => {
    expect(await reasonFor(await org.sign(challengeClaims()), { serverNow: NOW, skewMs: -600_000 })).toBe('accepted');
  });
});

describe('hostile challenges', () => {
  const encode = (part: unknown) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const parts = (jwt: string) => jwt.split('.') as [string, string, string];

  it.each(['none', 'None', 'NONE'])('rejects an unsigned challenge (alg %s), with or without a signature part', async (alg) => {
    const header = encode({ alg, typ: 'okta-pushbind+jwt', kid: 'org-key-1' });
    const payload = encode(challengeClaims());
    expect(await reasonFor(`${header}.${payload}.`)).toBe('wrong-algorithm');
    const [, , signature] = parts(await org.sign(challengeClaims()));
    expect(await reasonFor(`${header}.${payload}.${signature}`)).toBe('wrong-algorithm');
  });

  it('rejects an HS256 challenge keyed with a random secret', async () => {
    expect(await reasonFor(await org.sign(challengeClaims(), { alg: 'HS256', key: randomBytes(32) }))).toBe('wrong-algorithm');
  });

  it('rejects an HS256 challenge keyed with the org’s own public key (RS256/HS256 key confusion)', async () => {
    const publicKey = createPublicKey({ key: org.publicJwk as JsonWebKey, format: 'jwk' });
    const secrets = [
      publicKey.export({ type: 'spki', format: 'pem' }),
      publicKey.export({ type: 'pkcs1', format: 'pem' }),
      publicKey.export({ type: 'spki', format: 'der' }),
      Buffer.from(JSON.stringify(org.publicJwk)),
    ];
    for (const secret of secrets) {
      const key = typeof secret === 'string' ? new TextEncoder().encode(secret) : new Uint8Array(secret);
      expect(await reasonFor(await org.sign(challengeClaims(), { alg: 'HS256', key }))).toBe('wrong-algorithm');
    }
  });

  it('ignores a key embedded in the header: a challenge signed by its own jwk under the org’s kid is forged', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = await exportJWK(publicKey);
    expect(await reasonFor(await org.sign(challengeClaims(), { key: privateKey, header: { jwk } }))).toBe('bad-signature');
    expect(await reasonFor(await org.sign(challengeClaims(), { key: privateKey, header: { jku: 'https://evil.test/keys' } }))).toBe('bad-signature');
  });

  it('rejects a challenge whose payload was changed after the org signed it', async () => {
    const [header, , signature] = parts(await org.sign(challengeClaims()));
    const tampered = [
      challengeClaims({ challengeContext: { transactionType: 'CIBA', bindingMessage: 'Call 0000' } }),
      challengeClaims({ verificationUri: 'https://evil.test/verify' }),
      challengeClaims({ exp: Math.floor(NOW / 1000) + 86_400 }),
    ];
    for (const claims of tampered) expect(await reasonFor(`${header}.${encode(claims)}.${signature}`)).toBe('bad-signature');
  });

  it('rejects a signed challenge whose header was swapped for another', async () => {
    const [, payload, signature] = parts(await org.sign(challengeClaims()));
    expect(await reasonFor(`${encode({ alg: 'RS256', typ: 'okta-pushbind+jwt', kid: 'org-key-1', x: 1 })}.${payload}.${signature}`)).toBe('bad-signature');
  });

  it('rejects a challenge that is not valid yet: nbf or iat past the leeway, and accepts iat within it', async () => {
    const now = Math.floor(NOW / 1000);
    expect(await reasonFor(await org.sign(challengeClaims({ nbf: now + 3600 })))).toBe('not-yet-valid');
    expect(await reasonFor(await org.sign(challengeClaims({ iat: now + 3600, exp: now + 3900 })))).toBe('not-yet-valid');
    expect(await reasonFor(await org.sign(challengeClaims({ iat: now + 61, exp: now + 361 })))).toBe('not-yet-valid');
    expect(await reasonFor(await org.sign(challengeClaims({ iat: now + 59, exp: now + 359 })))).toBe('accepted');
  });

  it('rejects a challenge without iat, exp or nonce', async () => {
    for (const claim of ['iat', 'exp', 'nonce']) {
      const { [claim]: _dropped, ...claims } = challengeClaims();
      expect(await reasonFor(await org.sign(claims)), claim).toBe('malformed');
    }
  });

  it('does not take another token the org signed with the same key for a challenge (an ID token for its app)', async () => {
    const now = Math.floor(NOW / 1000);
    const idToken = { iss: ORG, aud: '0oaCLIENT', sub: '00uUSER1', iat: now, exp: now + 3600, jti: 'ID.1', nonce: 'NONCE-1' };
    expect(await reasonFor(await org.sign(idToken, { typ: 'JWT' }))).toBe('wrong-type');
    expect(await reasonFor(await org.sign(idToken))).toBe('malformed');
  });

  it('rejects a challenge whose issuer only looks like the org', async () => {
    for (const iss of ['https://acme.okta.test.evil.test', 'http://acme.okta.test', 'https://acme.okta.test@evil.test', 'not a url']) {
      expect(await reasonFor(await org.sign(challengeClaims({ iss }))), iss).toBe('wrong-issuer');
    }
  });
});

describe('the replay record', () => {
  const base = { id: 'ftTX1', nonce: 'N1', enrolmentId: 'pfd1' };
  const entry = { ...seenEntry({ ...base, orgUrl: ORG, verificationUri: '', app: null, transactionType: 'LOGIN', userVerification: 'PREFERRED', bindingMessage: null, clientOS: null, location: null, transactionTime: null, expiresAt: NOW, receivedAt: NOW, signals: [] }, 60_000) };

  it('treats the same still-pending transaction with the same nonce as the same challenge', () => {
    expect(judgeReplay([entry], base)).toBe('pending');
  });

  it('rejects an answered transaction listed again', () => {
    expect(judgeReplay([{ ...entry, answered: true }], base)).toBe('replayed');
  });

  it('rejects a known transaction with another nonce, and a known nonce on another transaction', () => {
    expect(judgeReplay([entry], { ...base, nonce: 'N2' })).toBe('replayed');
    expect(judgeReplay([entry], { ...base, id: 'ftTX2' })).toBe('replayed');
  });

  it('accepts what it has never seen', () => {
    expect(judgeReplay([entry], { id: 'ftTX3', nonce: 'N3', enrolmentId: 'pfd1' })).toBe('new');
  });
});
