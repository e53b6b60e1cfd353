import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFixture, type SimFixture } from './sim-client';

let f: SimFixture;
beforeEach(async () => {
  f = await startFixture({ pushTimeoutMs: 60_000, stateTokenTtlMs: 300_000 });
});
afterEach(async () => {
  await f.sim.close();
});

type Tx = { stateToken: string; status: string; factorResult?: string; sessionToken?: string; _embedded: Record<string, unknown>; _links: Record<string, { href: string }> };

async function authn(username: string, password: string): Promise<Tx> {
  const res = await f.okta('POST', '/api/v1/authn', { username, password }, { token: null });
  expect(res.status).toBe(200);
  return res.json as unknown as Tx;
}

const post = async (href: string, body: Record<string, unknown>) => f.okta('POST', href, body, { token: null });

describe('Okta Authentication API (simulated)', () => {
  it('fails primary authentication with 401 E0000004', async () => {
    const res = await f.okta('POST', '/api/v1/authn', { username: 'alice@example.com', password: 'wrong' }, { token: null });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ errorCode: 'E0000004', errorSummary: 'Authentication failed' });
  });

  it('walks MFA_ENROLL → MFA_ENROLL_ACTIVATE → SUCCESS with TOTP, then trades the sessionToken for a sid cookie', async () => {
    const tx = await authn('alice@example.com', 'Traykey-Demo-1');
    expect(tx.status).toBe('MFA_ENROLL');
    const enrollLink = (tx._embedded.factors as { factorType: string; provider: string; _links: { enroll: { href: string } } }[]).find((x) => x.provider === 'GOOGLE');
    const activate = await post(enrollLink?._links.enroll.href ?? '', { stateToken: tx.stateToken, factorType: 'token:software:totp', provider: 'GOOGLE' });
    const at = activate.json as unknown as Tx;
    expect(at.status).toBe('MFA_ENROLL_ACTIVATE');
    const secret = ((at._embedded.factor as { _embedded: { activation: { sharedSecret: string } } })._embedded.activation.sharedSecret);
    const bad = await post(at._links.next?.href ?? '', { stateToken: tx.stateToken, passCode: f.wrongCode(secret) });
    expect(bad.status).toBe(403);
    expect(bad.json.errorCode).toBe('E0000068');
    const done = await post(at._links.next?.href ?? '', { stateToken: tx.stateToken, passCode: f.code(secret) });
    expect(done.json.status).toBe('SUCCESS');
    const sessionToken = done.json.sessionToken as string;

    const redirect = await fetch(`${f.sim.okta.url}/login/sessionCookieRedirect?token=${sessionToken}&redirectUrl=http%3A%2F%2F127.0.0.1%2Fdone`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('http://127.0.0.1/done');
    const sid = /sid=([^;]+)/.exec(redirect.headers.get('set-cookie') ?? '')?.[1];
    const me = await f.okta('GET', '/api/v1/sessions/me', undefined, { token: null, headers: { cookie: `sid=${sid ?? ''}` } });
    expect(me.json).toMatchObject({ status: 'ACTIVE', login: 'alice@example.com' });
    const again = await fetch(`${f.sim.okta.url}/login/sessionCookieRedirect?token=${sessionToken}`, { redirect: 'manual' });
    expect(again.status).toBe(403);
  });

  it('answers E0000007 for /sessions/me without a session', async () => {
    const res = await f.okta('GET', '/api/v1/sessions/me', undefined, { token: null });
    expect(res.status).toBe(404);
    expect(res.json.errorCode).toBe('E0000007');
  });

  it('enrols Okta Verify push during sign-in once the phone approves the activation', async () => {
    const tx = await authn('alice@example.com', 'Traykey-Demo-1');
    const at = (await post('/api/v1/authn/factors', { stateToken: tx.stateToken, factorType: 'push', provider: 'OKTA' })).json as unknown as Tx;
    expect(at).toMatchObject({ status: 'MFA_ENROLL_ACTIVATE', factorResult: 'WAITING' });
    expect(at._links.next).toMatchObject({ name: 'poll' });
    expect((await post(at._links.next?.href ?? '', { stateToken: tx.stateToken })).json.factorResult).toBe('WAITING');
    expect(f.sim.phone.okta('alice@example.com', 'approve')).toBe(true);
    expect((await post(at._links.next?.href ?? '', { stateToken: tx.stateToken })).json.status).toBe('SUCCESS');
  });

  it('verifies push: MFA_REQUIRED → MFA_CHALLENGE WAITING → SUCCESS after approval', async () => {
    const tx = await authn('bob@example.com', 'Traykey-Demo-2');
    expect(tx.status).toBe('MFA_REQUIRED');
    const factor = (tx._embedded.factors as { factorType: string; _links: { verify: { href: string } } }[])[0];
    const waiting = (await post(factor?._links.verify.href ?? '', { stateToken: tx.stateToken })).json as unknown as Tx;
    expect(waiting).toMatchObject({ status: 'MFA_CHALLENGE', factorResult: 'WAITING' });
    expect((await post(waiting._links.next?.href ?? '', { stateToken: tx.stateToken })).json.factorResult).toBe('WAITING');
    const answer = await f.okta('POST', '/__sim/okta-verify/answer', { login: 'bob@example.com', answer: 'approve' }, { token: null });
    expect(answer.status).toBe(200);
    const done = await post(waiting._links.next?.href ?? '', { stateToken: tx.stateToken });
    expect(done.json).toMatchObject({ status: 'SUCCESS', sessionToken: expect.any(String) });
  });

  it('reports REJECTED when the phone denies, and sends a new push on the next verify', async () => {
    const tx = await authn('bob@example.com', 'Traykey-Demo-2');
    const verify = (tx._embedded.factors as { _links: { verify: { href: string } } }[])[0]?._links.verify.href ?? '';
    await post(verify, { stateToken: tx.stateToken });
    f.sim.phone.okta('bob@example.com', 'deny');
    const rejected = await post(verify, { stateToken: tx.stateToken });
    expect(rejected.json).toMatchObject({ status: 'MFA_CHALLENGE', factorResult: 'REJECTED' });
    expect((await post(verify, { stateToken: tx.stateToken })).json.factorResult).toBe('WAITING');
  });

  it('times out an unanswered push by the injected clock, after which a late answer finds nothing waiting', async () => {
    const tx = await authn('bob@example.com', 'Traykey-Demo-2');
    const verify = (tx._embedded.factors as { _links: { verify: { href: string } } }[])[0]?._links.verify.href ?? '';
    await post(verify, { stateToken: tx.stateToken });
    f.tick(60_000);
    expect((await post(verify, { stateToken: tx.stateToken })).json.factorResult).toBe('TIMEOUT');
    expect(f.sim.phone.okta('bob@example.com', 'approve')).toBe(false);
  });

  it('answers the oldest waiting push first', async () => {
    const first = await authn('bob@example.com', 'Traykey-Demo-2');
    const second = await authn('bob@example.com', 'Traykey-Demo-2');
    const href = (tx: Tx) => (tx._embedded.factors as { _links: { verify: { href: string } } }[])[0]?._links.verify.href ?? '';
    await post(href(first), { stateToken: first.stateToken });
    f.tick(1000);
    await post(href(second), { stateToken: second.stateToken });
    f.sim.phone.okta('bob@example.com', 'deny');
    expect((await post(href(first), { stateToken: first.stateToken })).json.factorResult).toBe('REJECTED');
    expect((await post(href(second), { stateToken: second.stateToken })).json.factorResult).toBe('WAITING');
  });

  it('expires the stateToken (401 E0000011) and refuses steps out of state (403 E0000079)', async () => {
    const tx = await authn('alice@example.com', 'Traykey-Demo-1');
    const wrongState = await post('/api/v1/authn/factors/ostfnothing/verify', { stateToken: tx.stateToken, passCode: '123456' });
    expect(wrongState.status).toBe(403);
    expect(wrongState.json.errorCode).toBe('E0000079');
    f.tick(300_000);
    const expired = await post('/api/v1/authn', { stateToken: tx.stateToken });
    expect(expired.status).toBe(401);
    expect(expired.json.errorCode).toBe('E0000011');
  });

  it('goes back from MFA_ENROLL_ACTIVATE to MFA_ENROLL, dropping the pending factor', async () => {
    const tx = await authn('alice@example.com', 'Traykey-Demo-1');
    const at = (await post('/api/v1/authn/factors', { stateToken: tx.stateToken, factorType: 'token:software:totp', provider: 'OKTA' })).json as unknown as Tx;
    const factorId = (at._embedded.factor as { id: string }).id;
    const back = await post(at._links.prev?.href ?? '', { stateToken: tx.stateToken });
    expect(back.json.status).toBe('MFA_ENROLL');
    expect(f.sim.state.okta()?.factors.has(factorId)).toBe(false);
  });

  it('resends a push from MFA_CHALLENGE, replacing the earlier prompt', async () => {
    const tx = await authn('bob@example.com', 'Traykey-Demo-2');
    const verify = (tx._embedded.factors as { _links: { verify: { href: string } } }[])[0]?._links.verify.href ?? '';
    const waiting = (await post(verify, { stateToken: tx.stateToken })).json as unknown as Tx;
    const resend = (waiting._links.resend as unknown as { href: string }[])[0]?.href ?? '';
    expect((await post(resend, { stateToken: tx.stateToken })).json.factorResult).toBe('WAITING');
    const bob = f.sim.state.okta()?.findUser('bob@example.com');
    expect(f.sim.state.okta()?.pushes.waitingFor(bob?.id ?? '')).toHaveLength(1);
    f.sim.phone.okta('bob@example.com', 'approve');
    expect((await post(verify, { stateToken: tx.stateToken })).json.status).toBe('SUCCESS');
  });

  it('cancels a transaction', async () => {
    const tx = await authn('alice@example.com', 'Traykey-Demo-1');
    expect((await post('/api/v1/authn/cancel', { stateToken: tx.stateToken })).status).toBe(200);
    expect((await post('/api/v1/authn', { stateToken: tx.stateToken })).status).toBe(401);
  });

  it('verifies a TOTP factor once per code', async () => {
    const org = f.sim.state.okta();
    const secret = 'JBSWY3DPEHPK3PXP';
    f.sim.addOktaOrg('totp', { users: [{ login: 'erin@example.com', password: 'Traykey-Demo-5', totpSecret: secret }] });
    const base = f.sim.state.okta('totp');
    expect(base).not.toBe(org);
    const url = `${f.sim.origin}/okta/totp`;
    const tx = (await f.okta('POST', `${url}/api/v1/authn`, { username: 'erin@example.com', password: 'Traykey-Demo-5' }, { token: null })).json as unknown as Tx;
    const verify = (tx._embedded.factors as { _links: { verify: { href: string } } }[])[0]?._links.verify.href ?? '';
    expect((await post(verify, { stateToken: tx.stateToken, passCode: f.code(secret) })).json.status).toBe('SUCCESS');
    const tx2 = (await f.okta('POST', `${url}/api/v1/authn`, { username: 'erin@example.com', password: 'Traykey-Demo-5' }, { token: null })).json as unknown as Tx;
    const replay = await post(verify, { stateToken: tx2.stateToken, passCode: f.code(secret) });
    expect(replay.status).toBe(403);
    expect(replay.json.errorCode).toBe('E0000082');
  });
});
