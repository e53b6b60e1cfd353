import { afterEach, describe, expect, it } from 'vitest';
import { connectAuth0Tenant } from '../../../electron/core/idp/auth0/tenant';
import { Auth0TokenGrants } from '../../../electron/core/idp/auth0/token-grants';
import { fakeClock, startScriptedServer, type Script } from './scripted-server';

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function grantsAgainst(script: Script) {
  const server = await startScriptedServer(script);
  servers.push(server);
  const clock = fakeClock();
  const http = connectAuth0Tenant(`${server.url}/auth0/acme`, { now: clock.now, sleep: clock.sleep });
  return { server, grants: new Auth0TokenGrants(http, { clientId: 'client-1', clientSecret: 'client-secret-123456' }) };
}

const mfaRequired = { error: 'mfa_required', error_description: 'Multifactor authentication required', mfa_token: 'Fe26.2**mfa-token' };

describe('Auth0 token grants', () => {
  it.each([401, 403])('recognises mfa_required answered with HTTP %i', async (status) => {
    const { grants } = await grantsAgainst(() => ({ status, body: mfaRequired }));
    await expect(grants.password({ username: 'u', password: 'p' })).resolves.toEqual({ kind: 'mfa_required', mfaToken: 'Fe26.2**mfa-token' });
  });

  it('sends the realm grant as a form with the client credentials', async () => {
    const { grants, server } = await grantsAgainst(() => ({ status: 200, body: { access_token: 'at', token_type: 'Bearer', expires_in: 60 } }));
    await grants.password({ username: 'carol', password: 'pw', realm: 'Username-Password-Authentication' });
    const sent = server.seen[0]!;
    expect(sent.path).toBe('/auth0/acme/oauth/token');
    expect(sent.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(sent.body);
    expect(form.get('grant_type')).toBe('http://auth0.com/oauth/grant-type/password-realm');
    expect(form.get('realm')).toBe('Username-Password-Authentication');
    expect(form.get('client_id')).toBe('client-1');
    expect(form.get('client_secret')).toBe('client-secret-123456');
  });

  it.each([
    ['access_denied', 'MFA Authorization rejected.'],
    ['invalid_grant', 'MFA Authorization rejected.'],
  ])('treats %s "%s" as a rejected push', async (error, description) => {
    const { grants } = await grantsAgainst(() => ({ status: 400, body: { error, error_description: description } }));
    await expect(grants.oob('mfa', 'oob')).resolves.toEqual({ kind: 'rejected', providerCode: error });
  });

  it('returns a 429 slow_down to the poller instead of retrying it', async () => {
    const { grants, server } = await grantsAgainst(() => ({ status: 429, body: { error: 'slow_down', error_description: 'You are polling faster than allowed.' } }));
    await expect(grants.oob('mfa', 'oob')).resolves.toEqual({ kind: 'slow_down' });
    expect(server.seen).toHaveLength(1);
  });

  it('turns a token answer without an access token into a typed error', async () => {
    const { grants } = await grantsAgainst(() => ({ status: 200, body: { token_type: 'Bearer' } }));
    await expect(grants.otp('mfa', '123456')).rejects.toMatchObject({ code: 'IDP_ERROR', name: 'IdpError' });
  });

  it('raises other errors with the provider code and no secrets in the message', async () => {
    const { grants } = await grantsAgainst(() => ({ status: 403, body: { error: 'invalid_grant', error_description: 'Malformed mfa_token' } }));
    const error = await grants.otp('Fe26.2**secret-mfa-token', '654321').catch((e: unknown) => e);
    expect(error).toMatchObject({ providerCode: 'invalid_grant' });
    expect((error as Error).message).not.toMatch(/secret-mfa-token|654321|client-secret/);
  });
});
