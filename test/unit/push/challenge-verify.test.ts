import { generateKeyPair } from 'jose';
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
    expect(await reasonFor(await org.sign(challengeClaims(), { key: privateKey, alg: 'ES256' }))).toBe('bad-signature');
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
