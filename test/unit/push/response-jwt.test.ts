import { decodeProtectedHeader, errors, importJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import type { VerifiedChallenge } from '../../../electron/core/push/challenge';
import { thisDevice } from '../../../electron/core/push/device-info';
import { signChallengeResponse } from '../../../electron/core/push/response-jwt';
import { enrolment as makeEnrolment, NOW, ORG } from './fixtures';

const challenge: VerifiedChallenge = {
  id: 'ftTRANSACTION1',
  enrolmentId: 'pfdENROLMENT1',
  orgUrl: ORG,
  nonce: 'NONCE-1',
  verificationUri: `${ORG}/idp/myaccount/app-authenticators/challenge/ftTRANSACTION1/verify`,
  app: 'Payroll',
  transactionType: 'CIBA',
  userVerification: 'PREFERRED',
  bindingMessage: 'Call 4711',
  clientOS: null,
  location: null,
  transactionTime: null,
  expiresAt: NOW + 300_000,
  receivedAt: NOW,
  signals: ['id', 'platform', 'udid', 'imei', 'osVersion'],
};

describe('the answer to a challenge', () => {
  it('is an ES256 okta-devicebind+jwt signed by the proof-of-possession key with the contract’s claims', async () => {
    const enrolment = await makeEnrolment();
    const jwt = await signChallengeResponse({ challenge, enrolment, device: thisDevice('linux'), consent: 'APPROVED_CONSENT_PROMPT', serverNow: NOW });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'ES256', typ: 'okta-devicebind+jwt', kid: enrolment.proofOfPossession.kid });
    const { d: _private, ...publicKey } = enrolment.proofOfPossession;
    const { payload } = await jwtVerify(jwt, await importJWK(publicKey, 'ES256'), { currentDate: new Date(NOW), audience: ORG, issuer: enrolment.id, subject: enrolment.userId });
    expect(payload).toMatchObject({
      tx: 'ftTRANSACTION1',
      nonce: 'NONCE-1',
      methodEnrollmentId: 'opfMETHOD1',
      keyType: 'proofOfPossession',
      challengeResponseContext: { userConsent: 'APPROVED_CONSENT_PROMPT', transactionType: 'CIBA' },
      iat: NOW / 1000,
    });
  });

  it('is worthless to whoever holds it back: five minutes after it was signed no verifier accepts it', async () => {
    const enrolment = await makeEnrolment();
    const jwt = await signChallengeResponse({ challenge, enrolment, device: thisDevice('linux'), consent: 'APPROVED_CONSENT_PROMPT', serverNow: NOW });
    const { d: _private, ...publicKey } = enrolment.proofOfPossession;
    const key = await importJWK(publicKey, 'ES256');
    const verifyAt = (ms: number) => jwtVerify(jwt, key, { currentDate: new Date(ms), audience: ORG });
    await expect(verifyAt(NOW + 60_000)).resolves.toBeDefined();
    await expect(verifyAt(NOW + 300_000)).rejects.toBeInstanceOf(errors.JWTExpired);
  });

  it('reports only the requested signals it truthfully knows, never phone identifiers', async () => {
    const enrolment = await makeEnrolment();
    const jwt = await signChallengeResponse({ challenge, enrolment, device: thisDevice('linux'), consent: 'DENIED_CONSENT_PROMPT', serverNow: NOW });
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as { deviceSignals: Record<string, unknown>; challengeResponseContext: { userConsent: string } };
    expect(Object.keys(payload.deviceSignals).sort()).toEqual(['id', 'osVersion', 'platform']);
    expect(payload.deviceSignals.platform).toBe('LINUX');
    expect(payload.challengeResponseContext.userConsent).toBe('DENIED_CONSENT_PROMPT');
  });

  it('has a fresh jti every time', async () => {
    const enrolment = await makeEnrolment();
    const jtis = new Set<unknown>();
    for (let i = 0; i < 3; i += 1) {
      const jwt = await signChallengeResponse({ challenge, enrolment, device: thisDevice('darwin'), consent: 'APPROVED_CONSENT_PROMPT', serverNow: NOW });
      jtis.add((JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as { jti: unknown }).jti);
    }
    expect(jtis.size).toBe(3);
  });
});
