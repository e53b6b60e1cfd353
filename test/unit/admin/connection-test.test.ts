import { describe, expect, it } from 'vitest';
import { testConnection } from '../../../electron/core/admin/connection-test';

const TENANT = 'https://tenant.example';

/** A tenant that answers every call from a table, as Auth0 would; no network. */
function fakeAuth0(scope: string): typeof fetch {
  return async (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = { 'content-type': 'application/json', date: new Date().toUTCString() };
    if (url.pathname === '/oauth/token') return new Response(JSON.stringify({ access_token: 'at', token_type: 'Bearer', expires_in: 86_400, scope }), { status: 200, headers });
    return new Response('{}', { status: 404, headers });
  };
}

const target = {
  provider: 'auth0' as const,
  id: 'auth0-tenant-example',
  name: 'tenant.example',
  url: TENANT,
  auth0: { managementClientId: 'm', managementClientSecret: 'mgmt-secret-7Q9', appClientId: 'a', appClientSecret: 'app-secret-4K2', realm: 'Username-Password-Authentication' },
};

describe('testing an Auth0 connection', () => {
  it('names the Management API scopes the client lacks', async () => {
    const check = await testConnection(target, { fetch: fakeAuth0('read:users') });
    expect(check).toMatchObject({ ok: false, usable: false });
    expect(check.message).toBe(
      'The Management API client lacks the scopes create:users, delete:users: grant them under Applications → APIs → Auth0 Management API → Machine to Machine Applications.',
    );
  });

  it('never puts a client secret in its sentence', async () => {
    const check = await testConnection(target, { fetch: fakeAuth0('') });
    expect(check.message).not.toContain('mgmt-secret-7Q9');
    expect(check.message).not.toContain('app-secret-4K2');
  });
});
