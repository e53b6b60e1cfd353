import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { startFixture, type SimFixture } from './sim-client';

let f: SimFixture;
beforeEach(async () => {
  f = await startFixture();
});
afterEach(async () => {
  await f.sim.close();
});

const newUser = (login: string, withPassword = true) => ({
  profile: { firstName: 'Test', lastName: 'User', email: login, login },
  ...(withPassword ? { credentials: { password: { value: 'Sim-Passw0rd!' } } } : {}),
});

describe('Okta Users API (simulated)', () => {
  it('rejects a missing or wrong SSWS token with 401 E0000011', async () => {
    for (const token of [null, 'not-the-token']) {
      const res = await f.okta('GET', '/api/v1/users', undefined, { token });
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ errorCode: 'E0000011', errorSummary: 'Invalid token provided', errorLink: 'E0000011', errorCauses: [] });
      expect(res.json.errorId).toEqual(expect.any(String));
    }
  });

  it('creates an ACTIVE user with a password and a PROVISIONED one without, keeping groupIds', async () => {
    const active = await f.okta('POST', '/api/v1/users?activate=true', { ...newUser('t1@example.com'), groupIds: ['00gsim1'] });
    expect(active.status).toBe(200);
    expect(active.json).toMatchObject({ status: 'ACTIVE', profile: { login: 't1@example.com' }, credentials: { password: {}, provider: { type: 'OKTA' } } });
    expect(f.sim.state.okta()?.users.get(active.json.id as string)?.groupIds).toEqual(['00gsim1']);
    const provisioned = await f.okta('POST', '/api/v1/users?activate=true', newUser('t2@example.com', false));
    expect(provisioned.json.status).toBe('PROVISIONED');
    const staged = await f.okta('POST', '/api/v1/users?activate=false', newUser('t3@example.com'));
    expect(staged.json.status).toBe('STAGED');
  });

  it('refuses a duplicate login with E0000001 and a cause naming the field', async () => {
    await f.okta('POST', '/api/v1/users', newUser('dup@example.com'));
    const res = await f.okta('POST', '/api/v1/users', newUser('dup@example.com'));
    expect(res.status).toBe(400);
    expect(res.json.errorCode).toBe('E0000001');
    expect(res.json.errorCauses).toEqual([{ errorSummary: 'login: An object with this field already exists in the current organization' }]);
  });

  it('finds a user by id and by login, and answers E0000007 for an unknown one', async () => {
    const created = await f.okta('POST', '/api/v1/users', newUser('find.me@example.com'));
    expect((await f.okta('GET', `/api/v1/users/${created.json.id as string}`)).json.id).toBe(created.json.id);
    expect((await f.okta('GET', '/api/v1/users/find.me@example.com')).json.id).toBe(created.json.id);
    const missing = await f.okta('GET', '/api/v1/users/nobody@example.com');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ errorCode: 'E0000007', errorSummary: 'Not found: Resource not found: nobody@example.com (User)' });
  });

  it('deactivates on the first DELETE of an active user and removes it on the second', async () => {
    const id = (await f.okta('POST', '/api/v1/users', newUser('gone@example.com'))).json.id as string;
    expect((await f.okta('DELETE', `/api/v1/users/${id}`)).status).toBe(204);
    expect((await f.okta('GET', `/api/v1/users/${id}`)).json.status).toBe('DEPROVISIONED');
    expect((await f.okta('DELETE', `/api/v1/users/${id}`)).status).toBe(204);
    expect((await f.okta('GET', `/api/v1/users/${id}`)).status).toBe(404);
  });

  it('deactivates through lifecycle/deactivate', async () => {
    const id = (await f.okta('POST', '/api/v1/users', newUser('deact@example.com'))).json.id as string;
    expect((await f.okta('POST', `/api/v1/users/${id}/lifecycle/deactivate`)).status).toBe(200);
    expect((await f.okta('GET', `/api/v1/users/${id}`)).json.status).toBe('DEPROVISIONED');
  });
});

describe('Okta Factors API (simulated)', () => {
  async function userId(): Promise<string> {
    return (await f.okta('POST', '/api/v1/users', newUser('factor@example.com'))).json.id as string;
  }

  it.each(['GOOGLE', 'OKTA'])('enrols a %s TOTP factor whose QR link serves a real PNG of the otpauth URI', async (provider) => {
    const id = await userId();
    const res = await f.okta('POST', `/api/v1/users/${id}/factors`, { factorType: 'token:software:totp', provider });
    expect(res.status).toBe(200);
    const activation = (res.json._embedded as { activation: Record<string, unknown> }).activation;
    expect(activation).toMatchObject({ timeStep: 30, encoding: 'base32', keyLength: provider === 'GOOGLE' ? 16 : 6 });
    const png = await fetch((activation._links as { qrcode: { href: string } }).qrcode.href);
    expect(png.headers.get('content-type')).toBe('image/png');
    const image = PNG.sync.read(Buffer.from(await png.arrayBuffer()));
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(decoded?.data).toContain(`secret=${activation.sharedSecret as string}`);
    expect(decoded?.data.startsWith('otpauth://totp/')).toBe(true);
  });

  it('activates a TOTP factor with a real code, refuses a wrong one (E0000068) and a replayed one (E0000082)', async () => {
    const id = await userId();
    const enrol = await f.okta('POST', `/api/v1/users/${id}/factors`, { factorType: 'token:software:totp', provider: 'GOOGLE' });
    const factorId = enrol.json.id as string;
    const secret = (enrol.json._embedded as { activation: { sharedSecret: string } }).activation.sharedSecret;
    const wrong = await f.okta('POST', `/api/v1/users/${id}/factors/${factorId}/lifecycle/activate`, { passCode: f.wrongCode(secret) });
    expect(wrong.status).toBe(403);
    expect(wrong.json).toMatchObject({ errorCode: 'E0000068', errorSummary: 'Invalid Passcode/Answer' });
    const ok = await f.okta('POST', `/api/v1/users/${id}/factors/${factorId}/lifecycle/activate`, { passCode: f.code(secret) });
    expect(ok.status).toBe(200);
    expect(ok.json.status).toBe('ACTIVE');
    const replay = await f.okta('POST', `/api/v1/users/${id}/factors/${factorId}/verify`, { passCode: f.code(secret) });
    expect(replay.status).toBe(403);
    expect(replay.json.errorCode).toBe('E0000082');
    f.tick(30_000);
    const verify = await f.okta('POST', `/api/v1/users/${id}/factors/${factorId}/verify`, { passCode: f.code(secret) });
    expect(verify.json).toEqual({ factorResult: 'SUCCESS' });
  });

  it('accepts a code one step early or late but not two', async () => {
    const id = await userId();
    const enrol = await f.okta('POST', `/api/v1/users/${id}/factors`, { factorType: 'token:software:totp', provider: 'OKTA' });
    const secret = (enrol.json._embedded as { activation: { sharedSecret: string } }).activation.sharedSecret;
    const path = `/api/v1/users/${id}/factors/${enrol.json.id as string}/lifecycle/activate`;
    expect((await f.okta('POST', path, { passCode: f.code(secret, 2) })).status).toBe(403);
    expect((await f.okta('POST', path, { passCode: f.code(secret, -1) })).status).toBe(200);
  });

  it('lists and deletes factors', async () => {
    const id = await userId();
    const enrol = await f.okta('POST', `/api/v1/users/${id}/factors`, { factorType: 'token:software:totp', provider: 'GOOGLE' });
    expect((await f.okta('GET', `/api/v1/users/${id}/factors`)).body).toHaveLength(1);
    expect((await f.okta('DELETE', `/api/v1/users/${id}/factors/${enrol.json.id as string}`)).status).toBe(204);
    expect((await f.okta('GET', `/api/v1/users/${id}/factors`)).body).toEqual([]);
  });

  it('enrols Okta Verify push, activated when the simulated phone approves', async () => {
    const id = await userId();
    const enrol = await f.okta('POST', `/api/v1/users/${id}/factors`, { factorType: 'push', provider: 'OKTA' });
    const poll = (enrol.json._links as { poll: { href: string } }).poll.href;
    expect((await f.okta('POST', poll)).json.factorResult).toBe('WAITING');
    const answer = await f.okta('POST', '/__sim/okta-verify/answer', { login: 'factor@example.com', answer: 'approve' }, { token: null });
    expect(answer.status).toBe(200);
    expect((await f.okta('POST', poll)).json.status).toBe('ACTIVE');
  });

  it('verifies a push factor through a transaction that moves from WAITING to SUCCESS or REJECTED', async () => {
    const bob = f.sim.state.okta()?.findUser('bob@example.com');
    const factor = f.sim.state.okta()?.userFactors(bob?.id ?? '')[0];
    const start = await f.okta('POST', `/api/v1/users/${bob?.id ?? ''}/factors/${factor?.id ?? ''}/verify`);
    expect(start.status).toBe(201);
    expect(start.json.factorResult).toBe('WAITING');
    const pollUrl = (start.json._links as { poll: { href: string } }).poll.href;
    expect((await f.okta('GET', pollUrl)).json.factorResult).toBe('WAITING');
    expect(f.sim.phone.okta('bob@example.com', 'approve')).toBe(true);
    expect((await f.okta('GET', pollUrl)).json).toEqual({ factorResult: 'SUCCESS' });
    const second = await f.okta('POST', `/api/v1/users/${bob?.id ?? ''}/factors/${factor?.id ?? ''}/verify`);
    f.sim.phone.okta('bob@example.com', 'deny');
    expect((await f.okta('GET', (second.json._links as { poll: { href: string } }).poll.href)).json.factorResult).toBe('REJECTED');
  });

  it('cancels a waiting push verify transaction through its cancel link', async () => {
    const bob = f.sim.state.okta()?.findUser('bob@example.com');
    const factor = f.sim.state.okta()?.userFactors(bob?.id ?? '')[0];
    const start = await f.okta('POST', `/api/v1/users/${bob?.id ?? ''}/factors/${factor?.id ?? ''}/verify`);
    const cancel = (start.json._links as { cancel: { href: string } }).cancel.href;
    expect((await f.okta('DELETE', cancel)).status).toBe(204);
    expect((await f.okta('GET', cancel)).status).toBe(404);
    expect(f.sim.phone.okta('bob@example.com', 'approve')).toBe(false);
  });
});
