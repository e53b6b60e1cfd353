import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimHandle } from '../../sim';
import { connectOktaOrg, type OktaHttpOptions } from '../../../electron/core/idp/okta/org';
import { OktaUsersClient } from '../../../electron/core/idp/okta/users';
import { OktaAuthnClient } from '../../../electron/core/idp/okta/authn';
import { connectAuth0Tenant } from '../../../electron/core/idp/auth0/tenant';
import { Auth0Management } from '../../../electron/core/idp/auth0/management';

// The simulator and the client share this clock; the client's waits move it forward.
const clock = { t: Date.now() };
const sent: { path: string; at: number }[] = [];
const clientClock: OktaHttpOptions = {
  now: () => clock.t,
  sleep: async (ms) => {
    await new Promise((resolve) => setImmediate(resolve));
    clock.t += ms;
  },
  random: () => 0.5,
  fetch: (input, init) => {
    sent.push({ path: new URL(String(input)).pathname, at: clock.t });
    return fetch(input, init);
  },
};

let sim: SimHandle;

beforeAll(async () => {
  sim = await startSimulator({ now: () => clock.t });
});
afterAll(async () => {
  await sim.close();
});
afterEach(() => {
  sim.faults.clear();
  sent.length = 0;
});

function oktaUsers(extra: OktaHttpOptions = {}) {
  return new OktaUsersClient(connectOktaOrg(sim.okta.url, { ...clientClock, timeoutMs: 2_000, ...extra }).admin, sim.okta.apiToken);
}

describe('the HTTP layer against the simulator’s faults', () => {
  it('waits out an Okta rate-limit storm until X-Rate-Limit-Reset, then succeeds', async () => {
    sim.faults.add({ path: '/api/v1/users/*', kind: 'rate-limit', ms: 30_000, times: 1 });
    const startedAt = clock.t;
    const user = await oktaUsers().getByLogin(sim.okta.users[0]!.login);
    expect(user.profile.login).toBe(sim.okta.users[0]!.login);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.at - startedAt).toBeGreaterThanOrEqual(29_000);
  });

  it('retries a GET through 503s but sends a failing primary authentication once', async () => {
    sim.faults.add({ method: 'GET', path: '/api/v1/users/*', kind: 'status', status: 503, times: 2 });
    await expect(oktaUsers().getByLogin(sim.okta.users[0]!.login)).resolves.toMatchObject({ status: 'ACTIVE' });
    expect(sent).toHaveLength(3);

    sent.length = 0;
    sim.faults.add({ path: '/api/v1/authn', kind: 'status', status: 503, times: 1 });
    const authn = new OktaAuthnClient(connectOktaOrg(sim.okta.url, clientClock).authn);
    await expect(authn.primary({ username: sim.okta.users[0]!.login, password: sim.okta.users[0]!.password })).rejects.toMatchObject({ providerCode: 'E0000009', httpStatus: 503 });
    expect(sent).toHaveLength(1);
  });

  it('reports a dropped connection as NETWORK and a slow one as TIMEOUT, naming the host', async () => {
    const host = new URL(sim.okta.url).host;
    sim.faults.add({ path: '/api/v1/users/*', kind: 'drop' });
    await expect(oktaUsers({ maxAttempts: 2 }).getByLogin('x@example.com')).rejects.toMatchObject({ code: 'NETWORK', message: expect.stringContaining(`Could not reach ${host}`) });
    expect(sent).toHaveLength(2);
    sim.faults.clear();
    sim.faults.add({ path: '/api/v1/users/*', kind: 'latency', ms: 400 });
    await expect(oktaUsers({ timeoutMs: 100, maxAttempts: 1 }).getByLogin('x@example.com')).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('turns malformed JSON into a typed error', async () => {
    sim.faults.add({ path: '/api/v1/users/*', kind: 'malformed-json' });
    await expect(oktaUsers().getByLogin(sim.okta.users[0]!.login)).rejects.toMatchObject({ code: 'IDP_ERROR', name: 'IdpError' });
  });

  it('measures a skewed Date header', async () => {
    sim.faults.add({ path: '/api/v1/users/*', kind: 'date-skew', skewMs: -120_000 });
    const org = connectOktaOrg(sim.okta.url, clientClock);
    await new OktaUsersClient(org.admin, sim.okta.apiToken).getByLogin(sim.okta.users[0]!.login);
    expect(Math.abs(org.admin.clockSkewMs! + 120_000)).toBeLessThanOrEqual(1_000);
  });

  it('honours Auth0’s X-RateLimit-Reset as well', async () => {
    sim.faults.add({ path: '/oauth/token', kind: 'rate-limit', ms: 20_000, times: 1 });
    const startedAt = clock.t;
    const management = new Auth0Management(connectAuth0Tenant(sim.auth0.url, clientClock), {
      clientId: sim.auth0.managementClientId,
      clientSecret: sim.auth0.managementClientSecret,
    });
    const email = `faults-${clock.t}@example.com`;
    const user = await management.createUser({ connection: sim.auth0.realm, email, password: 'Faults-Pass-1' });
    expect(user.email).toBe(email);
    expect(sent[1]!.at - startedAt).toBeGreaterThanOrEqual(19_000);
    await management.deleteUser(user.user_id);
  });
});
