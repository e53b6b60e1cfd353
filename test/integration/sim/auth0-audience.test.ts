import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConnection } from '../../../electron/core/admin/connection-test';
import { managementAudience } from '../../../electron/core/idp/auth0/tenant';
import { startSimulator, type SimHandle } from '../../sim';

let sim: SimHandle;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

const tokenWithAudience = (audience: string) =>
  fetch(`${sim.auth0.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sim.auth0.managementClientId, client_secret: sim.auth0.managementClientSecret, audience }),
  });

function target(url: string, managementUrl?: string) {
  const { managementClientId, managementClientSecret, clientId, clientSecret, realm } = sim.auth0;
  return {
    provider: 'auth0' as const,
    id: 'auth0-sim',
    name: 'sim',
    url,
    auth0: { managementClientId, managementClientSecret, appClientId: clientId, appClientSecret: clientSecret, realm, ...(managementUrl ? { managementUrl } : {}) },
  };
}

describe('the Auth0 Management API audience', () => {
  it('is the https form of the tenant address, as Auth0 and its SDKs name it', () => {
    expect(managementAudience('https://acme.eu.auth0.com')).toBe('https://acme.eu.auth0.com/api/v2/');
    expect(managementAudience('http://127.0.0.1:4000/auth0/demo')).toBe('https://127.0.0.1:4000/auth0/demo/api/v2/');
  });

  it('is accepted by the simulator in its https form only, though it serves plain http', async () => {
    expect(sim.auth0.managementAudience).toBe(managementAudience(sim.auth0.url));
    expect((await tokenWithAudience(managementAudience(sim.auth0.url))).status).toBe(200);
    const plain = await tokenWithAudience(`${sim.auth0.url}/api/v2/`);
    expect(plain.status).toBe(403);
    expect(await plain.json()).toMatchObject({ error: 'access_denied' });
  });

  it('lets Traykey’s connection check pass against the simulator', async () => {
    expect(await testConnection(target(sim.auth0.url))).toMatchObject({ ok: true, usable: true });
  });

  it('names the canonical domain of a tenant behind a custom domain, given as the management domain', async () => {
    // localhost reaches the same simulated tenant as 127.0.0.1: it plays the custom domain.
    const customDomain = sim.auth0.url.replace('127.0.0.1', 'localhost');
    const alone = await testConnection(target(customDomain));
    expect(alone).toMatchObject({ ok: false, usable: false });
    expect(alone.message).toContain('Service not enabled within domain: https://localhost');
    expect(await testConnection(target(customDomain, sim.auth0.url))).toMatchObject({ ok: true, usable: true });
  });
});
