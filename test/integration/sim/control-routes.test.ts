import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFixture, START, type SimFixture } from './sim-client';

let f: SimFixture;
beforeEach(async () => {
  f = await startFixture({ pushTimeoutMs: 60_000 });
});
afterEach(async () => {
  await f.sim.close();
});

const postJson = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('simulator control routes', () => {
  it('reports health with the simulated time and moves the clock forward for scripts', async () => {
    const health = (await (await fetch(`${f.sim.origin}/__sim/health`)).json()) as { ok: boolean; now: string };
    expect(health).toEqual({ ok: true, now: new Date(START).toISOString() });
    const advanced = await postJson(`${f.sim.origin}/__sim/clock/advance`, { ms: 61_000 });
    expect(((await advanced.json()) as { now: string }).now).toBe(new Date(START + 61_000).toISOString());
    expect((await postJson(`${f.sim.origin}/__sim/clock/advance`, { ms: -1 })).status).toBe(400);
  });

  it('lists the pushes waiting on an Okta user’s phone and refuses answers with nothing waiting', async () => {
    const pending = () => fetch(`${f.sim.okta.url}/__sim/okta-verify/pending?login=bob@example.com`).then((r) => r.json());
    expect(await pending()).toEqual([]);
    const none = await postJson(`${f.sim.okta.url}/__sim/okta-verify/answer`, { login: 'bob@example.com', answer: 'approve' });
    expect(none.status).toBe(409);
    const tx = (await (await postJson(`${f.sim.okta.url}/api/v1/authn`, { username: 'bob@example.com', password: 'Traykey-Demo-2' })).json()) as { stateToken: string; _embedded: { factors: { id: string }[] } };
    await postJson(`${f.sim.okta.url}/api/v1/authn/factors/${tx._embedded.factors[0]?.id ?? ''}/verify`, { stateToken: tx.stateToken });
    expect(await pending()).toEqual([expect.objectContaining({ purpose: 'verify' })]);
    expect((await postJson(`${f.sim.okta.url}/__sim/okta-verify/answer`, { login: 'nobody@example.com', answer: 'approve' })).status).toBe(404);
    expect((await postJson(`${f.sim.okta.url}/__sim/okta-verify/answer`, { login: 'bob@example.com', answer: 'maybe' })).status).toBe(400);
  });

  it('answers the Guardian phone by email as well as username', async () => {
    expect((await postJson(`${f.sim.auth0.url}/__sim/guardian/answer`, { email: 'dave@example.com', answer: 'approve' })).status).toBe(409);
    expect((await postJson(`${f.sim.auth0.url}/__sim/guardian/answer`, { answer: 'approve' })).status).toBe(400);
  });

  it('hosts several orgs and tenants on one port, each with its own users and token', async () => {
    const acme = f.sim.addOktaOrg('acme', { users: [{ login: 'zed@acme.test', password: 'Traykey-Demo-9' }] });
    expect(acme.url).toBe(`${f.sim.origin}/okta/acme`);
    expect(acme.apiToken).not.toBe(f.sim.okta.apiToken);
    const wrongOrgToken = await fetch(`${acme.url}/api/v1/users/zed@acme.test`, { headers: { authorization: `SSWS ${f.sim.okta.apiToken}` } });
    expect(wrongOrgToken.status).toBe(401);
    const right = await fetch(`${acme.url}/api/v1/users/zed@acme.test`, { headers: { authorization: `SSWS ${acme.apiToken}` } });
    expect(right.status).toBe(200);
    expect((await fetch(`${f.sim.okta.url}/api/v1/users/zed@acme.test`, { headers: { authorization: `SSWS ${f.sim.okta.apiToken}` } })).status).toBe(404);
    expect(() => f.sim.addOktaOrg('acme')).toThrow();
    expect(f.sim.addAuth0Tenant('beta').url).toBe(`${f.sim.origin}/auth0/beta`);
  });
});
