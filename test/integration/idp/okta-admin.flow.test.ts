import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { Secret, TOTP, URI } from 'otpauth';
import { startSimulator, type SimHandle } from '../../sim';
import { connectOktaOrg, type OktaOrg } from '../../../electron/core/idp/okta/org';
import { OktaUsersClient } from '../../../electron/core/idp/okta/users';
import { OktaFactorsClient } from '../../../electron/core/idp/okta/factors';

// The simulator's clock runs seven minutes ahead: codes are right only if the client applies
// the skew it measured from the Date header.
const SERVER_AHEAD_MS = 7 * 60_000;

let sim: SimHandle;
let org: OktaOrg;
let users: OktaUsersClient;
let factors: OktaFactorsClient;

beforeAll(async () => {
  sim = await startSimulator({ now: () => Date.now() + SERVER_AHEAD_MS });
  org = connectOktaOrg(sim.okta.url, { timeoutMs: 5_000 });
  users = new OktaUsersClient(org.admin, sim.okta.apiToken);
  factors = new OktaFactorsClient(org.admin, sim.okta.apiToken);
});

afterAll(async () => {
  await sim.close();
});

function codeNow(secret: string, digits: number, period: number): string {
  const skew = org.admin.clockSkewMs;
  if (skew === undefined) throw new Error('no Date header seen yet');
  return new TOTP({ secret: Secret.fromBase32(secret), digits, period, algorithm: 'SHA1' }).generate({ timestamp: Date.now() + skew });
}

describe('Okta admin: enrol a test user in Google Authenticator TOTP', () => {
  it('creates a user without credentials, enrols, reads the secret two ways, activates and verifies', async () => {
    const login = `flow-${Date.now()}@example.com`;
    const user = await users.create({ profile: { login, email: login, firstName: 'Flow', lastName: 'Admin' } });
    expect(user.profile.login).toBe(login);
    expect((await users.getByLogin(login)).id).toBe(user.id);

    const enrolment = await factors.enrollTotp(user.id, 'GOOGLE');
    expect(enrolment.factor.status).toBe('PENDING_ACTIVATION');
    expect(enrolment.encoding).toBe('base32');
    expect(enrolment.timeStep).toBe(30);

    // The same secret, read from the QR image Okta links to.
    expect(enrolment.qrcodeHref).toBeDefined();
    const png = PNG.sync.read(Buffer.from(await factors.qrCode(enrolment.qrcodeHref!)));
    const decoded = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    expect(decoded).not.toBeNull();
    const fromQr = URI.parse(decoded!.data);
    expect(fromQr).toBeInstanceOf(TOTP);
    expect(fromQr.secret.base32).toBe(enrolment.sharedSecret);

    const active = await factors.activate(user.id, enrolment.factor, codeNow(enrolment.sharedSecret, enrolment.digits, enrolment.timeStep));
    expect(active.status).toBe('ACTIVE');
    expect((await factors.list(user.id)).map((f) => [f.id, f.status])).toContainEqual([active.id, 'ACTIVE']);

    // A code is good once: verify with the next time step's code.
    sim.advanceClock(30_000);
    await factors.list(user.id);
    const verified = await factors.verify(user.id, active.id, codeNow(enrolment.sharedSecret, enrolment.digits, enrolment.timeStep));
    expect(verified.factorResult).toBe('SUCCESS');

    const right = codeNow(enrolment.sharedSecret, enrolment.digits, enrolment.timeStep);
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
    const error = await factors.verify(user.id, active.id, wrong).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'IDP_ERROR', providerCode: 'E0000068', httpStatus: 403 });
    expect((error as Error).message).toMatch(/Invalid Passcode\/Answer.*enter the current code/);
    expect((error as Error).message).not.toContain(wrong);

    await factors.delete(user.id, active.id);
    expect(await factors.list(user.id)).toHaveLength(0);
    await users.delete(user.id);
    await expect(users.getByLogin(login)).rejects.toMatchObject({ code: 'NOT_FOUND', providerCode: 'E0000007' });
  });

  it('creates a user with a password in groups, and rejects a bad API token with advice', async () => {
    const login = `flow-pw-${Date.now()}@example.com`;
    const user = await users.create({ profile: { login, email: login, firstName: 'Pass', lastName: 'Word' }, password: 'Correct-Horse-9', groupIds: [] });
    expect(user.status).toBe('ACTIVE');
    await users.deactivate(user.id);
    expect((await users.getByLogin(login)).status).toBe('DEPROVISIONED');
    await users.delete(user.id);

    const badToken = new OktaUsersClient(org.admin, '00thisTokenIsNotValidAtAll000000000000000');
    const error = await badToken.getByLogin(login).catch((e: unknown) => e);
    expect(error).toMatchObject({ providerCode: 'E0000011' });
    expect((error as Error).message).toContain('create a new one under Security → API');
  });

  it('enrols Okta Verify TOTP (provider OKTA) and reads its activation', async () => {
    const login = `flow-ov-${Date.now()}@example.com`;
    const user = await users.create({ profile: { login, email: login, firstName: 'Okta', lastName: 'Verify' } });
    const enrolment = await factors.enrollTotp(user.id, 'OKTA');
    expect(enrolment.factor.provider).toBe('OKTA');
    const active = await factors.activate(user.id, enrolment.factor, codeNow(enrolment.sharedSecret, enrolment.digits, enrolment.timeStep));
    expect(active.status).toBe('ACTIVE');
    await users.delete(user.id);
  });
});
