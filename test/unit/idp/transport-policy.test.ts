import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpClient } from '../../../electron/core/idp/http/client';
import { signInPageUrl } from '../../../electron/core/idp/http/sign-in-page';
import { requireSecureTransport } from '../../../electron/core/idp/http/transport-policy';
import { isLoopbackHost } from '../../../shared/network/loopback-host';
import { oktaErrorMapper } from '../../../electron/core/idp/okta/errors';
import { connectOktaOrg } from '../../../electron/core/idp/okta/org';
import { createOrgHttp } from '../../../electron/core/push/org-http';
import { connectAuth0Tenant } from '../../../electron/core/idp/auth0/tenant';
import { z } from 'zod';

/** A fetch that records every call and never reaches the network. */
function recordingFetch() {
  const calls: string[] = [];
  const fetch = ((input: string | URL | Request) => {
    calls.push(String(input instanceof Request ? input.url : input));
    return Promise.reject(new Error('the network must not be used'));
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

afterEach(() => vi.restoreAllMocks());

describe('the transport rule', () => {
  it('allows https anywhere and plain http only to this computer', () => {
    for (const ok of ['https://acme.okta.com', 'http://127.0.0.1:8080/x', 'http://127.9.8.7', 'http://localhost:3000', 'http://[::1]:9/', 'http://127.1/', 'http://0x7f.1/']) {
      expect(() => requireSecureTransport(ok), ok).not.toThrow();
    }
  });

  it('refuses plain http elsewhere with a typed error naming the address and the rule, never the query', () => {
    for (const bad of ['http://192.0.2.10/api/v1/authn?token=abc', 'http://acme.okta.com', 'http://[::ffff:127.0.0.1]/', 'http://localhost.evil.example/', 'http://128.0.0.1/', 'ftp://acme.example/']) {
      let error: unknown;
      try {
        requireSecureTransport(bad);
      } catch (caught) {
        error = caught;
      }
      expect(error, bad).toMatchObject({ code: 'INSECURE_TRANSPORT' });
      const message = (error as Error).message;
      expect(message).toContain(new URL(bad).host);
      expect(message).toContain('only https://');
      expect(message).not.toContain('abc');
    }
  });

  it('reads loopback as 127.0.0.0/8, ::1 and localhost only', () => {
    expect(isLoopbackHost('127.255.255.255')).toBe(true);
    expect(isLoopbackHost('LOCALHOST')).toBe(true);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
    expect(isLoopbackHost('127.0.0.1.nip.io')).toBe(false);
  });
});

describe('every identity-provider client refuses http to another machine before sending', () => {
  const base = 'http://192.0.2.10';

  it('the raw client', async () => {
    const { calls, fetch } = recordingFetch();
    const http = new HttpClient({ baseUrl: base, service: 'Okta', mapError: oktaErrorMapper('admin'), fetch });
    await expect(http.json({ method: 'POST', path: '/api/v1/authn', json: { password: 'hunter2' } }, z.unknown())).rejects.toMatchObject({ code: 'INSECURE_TRANSPORT' });
    expect(calls).toEqual([]);
  });

  it('Okta admin, sign-in and CIBA (one org connection)', async () => {
    const { calls, fetch } = recordingFetch();
    const org = connectOktaOrg(base, { fetch });
    await expect(org.admin.json({ method: 'GET', path: '/api/v1/users', headers: { authorization: 'SSWS secret' } }, z.unknown())).rejects.toMatchObject({ code: 'INSECURE_TRANSPORT' });
    await expect(org.authn.json({ method: 'POST', path: '/api/v1/authn', json: { username: 'a', password: 'p' } }, z.unknown())).rejects.toMatchObject({ code: 'INSECURE_TRANSPORT' });
    expect(calls).toEqual([]);
  });

  it('Auth0 and push', async () => {
    const { calls, fetch } = recordingFetch();
    await expect(connectAuth0Tenant(base, { fetch }).json({ method: 'POST', path: '/oauth/token', form: { client_secret: 's' } }, z.unknown())).rejects.toMatchObject({ code: 'INSECURE_TRANSPORT' });
    await expect(createOrgHttp(base, { fetch }).json({ method: 'GET', path: '/.well-known/openid-configuration' }, z.unknown())).rejects.toMatchObject({ code: 'INSECURE_TRANSPORT' });
    expect(calls).toEqual([]);
  });
});

describe('the sign-in page opener rule (app and CLI)', () => {
  it('opens https and loopback http sign-in pages', () => {
    expect(signInPageUrl('https://acme.okta.com/oauth2/v1/authorize?client_id=x')).toBe('https://acme.okta.com/oauth2/v1/authorize?client_id=x');
    expect(signInPageUrl('http://127.0.0.1:4000/oauth2/v1/authorize')).toBe('http://127.0.0.1:4000/oauth2/v1/authorize');
  });

  it('refuses plain http elsewhere, other schemes, credentials and smuggled characters', () => {
    expect(() => signInPageUrl('http://acme.okta.com/authorize')).toThrow(expect.objectContaining({ code: 'INSECURE_TRANSPORT' }));
    expect(() => signInPageUrl('file:///etc/passwd')).toThrow(expect.objectContaining({ code: 'INSECURE_TRANSPORT' }));
    expect(() => signInPageUrl('javascript:alert(1)')).toThrow(expect.objectContaining({ code: 'INSECURE_TRANSPORT' }));
    expect(() => signInPageUrl('https://user:pw@acme.okta.com/')).toThrow(expect.objectContaining({ code: 'IDP_ERROR' }));
    expect(() => signInPageUrl('https://acme.okta.com/\nhttps://evil.example')).toThrow(expect.objectContaining({ code: 'IDP_ERROR' }));
  });
});
