import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient, type HttpClientOptions } from '../../../electron/core/idp/http/client';
import type { HttpLogEvent } from '../../../electron/core/idp/http/http-log';
import { connectOktaOrg } from '../../../electron/core/idp/okta/org';
import { oktaErrorMapper } from '../../../electron/core/idp/okta/errors';
import { OktaUsersClient } from '../../../electron/core/idp/okta/users';
import { z } from 'zod';
import { fakeClock, httpDate, startScriptedServer, type Script } from './scripted-server';

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(script: Script, clock?: () => number) {
  const server = await startScriptedServer(script, clock);
  servers.push(server);
  return server;
}

function client(baseUrl: string, extra: Partial<HttpClientOptions> = {}) {
  return new HttpClient({ baseUrl, service: 'Okta', mapError: oktaErrorMapper('admin'), timeoutMs: 2_000, ...extra });
}

const Ok = z.object({ ok: z.boolean() });

describe('request URLs', () => {
  it('keeps the base URL path prefix when joining API paths', async () => {
    const server = await serve(() => ({ status: 200, body: { ok: true } }));
    await client(`${server.url}/okta/acme/`).json({ method: 'GET', path: '/api/v1/users/me', query: { activate: true } }, Ok);
    expect(server.seen[0]?.path).toBe('/okta/acme/api/v1/users/me?activate=true');
  });

  it('follows a HAL link on the same origin and refuses one to another origin', async () => {
    const server = await serve(() => ({ status: 200, body: { ok: true } }));
    const http = client(`${server.url}/okta/acme`);
    await http.json({ method: 'POST', link: `${server.url}/okta/acme/api/v1/authn/factors/x/verify`, json: {} }, Ok);
    expect(server.seen[0]?.path).toBe('/okta/acme/api/v1/authn/factors/x/verify');
    await expect(http.json({ method: 'GET', link: 'https://evil.example.com/steal' }, Ok)).rejects.toMatchObject({ code: 'IDP_ERROR' });
    expect(server.seen).toHaveLength(1);
  });
});

describe('timeouts and retries', () => {
  it('turns a server that never answers into a TIMEOUT naming the host', async () => {
    const server = await serve(() => 'hang');
    const http = client(server.url, { timeoutMs: 80, maxAttempts: 1 });
    const error = await http.json({ method: 'GET', path: '/slow' }, Ok).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TIMEOUT' });
    expect((error as Error).message).toContain(`Could not reach ${new URL(server.url).host}`);
  });

  it('retries GETs on 5xx with full-jitter backoff, bounded by maxAttempts', async () => {
    const clock = fakeClock();
    const server = await serve(() => ({ status: 503, body: { errorCode: 'E0000009', errorSummary: 'Internal Server Error' } }));
    const http = client(server.url, { maxAttempts: 3, now: clock.now, sleep: clock.sleep, random: () => 0.5, backoff: { baseMs: 200, capMs: 300 } });
    await expect(http.json({ method: 'GET', path: '/flaky' }, Ok)).rejects.toMatchObject({ code: 'IDP_ERROR', providerCode: 'E0000009' });
    expect(server.seen).toHaveLength(3);
    // 0.5 × min(cap, base·2^n): 100, then 150 (capped at 300).
    expect(clock.state.sleeps).toEqual([100, 150]);
  });

  it('recovers when a retried GET succeeds', async () => {
    const server = await serve((_req, i) => (i === 0 ? { status: 502 } : { status: 200, body: { ok: true } }));
    const clock = fakeClock();
    const http = client(server.url, { now: clock.now, sleep: clock.sleep, random: () => 0 });
    await expect(http.json({ method: 'GET', path: '/x' }, Ok)).resolves.toEqual({ ok: true });
    expect(server.seen).toHaveLength(2);
  });

  it('never retries 4xx answers other than 429', async () => {
    for (const status of [400, 401, 403, 404]) {
      const server = await serve(() => ({ status, body: { errorCode: 'E0000001', errorSummary: 'Api validation failed: login' } }));
      const clock = fakeClock();
      await expect(client(server.url, { now: clock.now, sleep: clock.sleep }).json({ method: 'GET', path: '/x' }, Ok)).rejects.toMatchObject({ providerCode: 'E0000001' });
      expect(server.seen).toHaveLength(1);
    }
  });

  it('does not repeat a POST the server may have acted on, unless it is marked safe', async () => {
    const server = await serve(() => ({ status: 500, body: { errorCode: 'E0000009', errorSummary: 'Internal Server Error' } }));
    const clock = fakeClock();
    const http = client(server.url, { now: clock.now, sleep: clock.sleep, maxAttempts: 3 });
    await expect(http.json({ method: 'POST', path: '/api/v1/users', json: {} }, Ok)).rejects.toMatchObject({ code: 'IDP_ERROR' });
    expect(server.seen).toHaveLength(1);
    await expect(http.json({ method: 'POST', path: '/poll', json: {}, safeToRetry: true }, Ok)).rejects.toMatchObject({ code: 'IDP_ERROR' });
    expect(server.seen).toHaveLength(4);
  });

  it('does not repeat a POST that timed out, since it may have arrived', async () => {
    const server = await serve(() => 'hang');
    const http = client(server.url, { timeoutMs: 60, maxAttempts: 3 });
    await expect(http.json({ method: 'POST', path: '/api/v1/users', json: {} }, Ok)).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(server.seen).toHaveLength(1);
  });

  it('retries a POST whose connection was refused (it never left this machine)', async () => {
    const server = await serve(() => ({ status: 200 }));
    const url = server.url;
    await server.close();
    const clock = fakeClock();
    const http = client(url, { now: clock.now, sleep: clock.sleep, maxAttempts: 3, random: () => 1 });
    const error = await http.json({ method: 'POST', path: '/api/v1/authn', json: {} }, Ok).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NETWORK' });
    expect((error as Error).message).toContain(`Could not reach ${new URL(url).host}`);
    expect(clock.state.sleeps).toHaveLength(2);
  });
});

describe('rate limits', () => {
  it('sends nothing before X-Rate-Limit-Reset after a 429, then retries', async () => {
    const clock = fakeClock();
    const resetSeconds = Math.floor(clock.now() / 1000) + 30;
    const server = await serve(
      (_req, i) =>
        i === 0
          ? { status: 429, headers: { date: httpDate(clock.now()), 'x-rate-limit-limit': '10', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(resetSeconds) }, body: { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' } }
          : { status: 200, headers: { date: httpDate(clock.now()) }, body: { ok: true } },
      clock.now,
    );
    const http = client(server.url, { now: clock.now, sleep: clock.sleep });
    await expect(http.json({ method: 'POST', path: '/api/v1/users', json: {} }, Ok)).resolves.toEqual({ ok: true });
    expect(server.seen).toHaveLength(2);
    expect(server.seen[1]!.at).toBeGreaterThanOrEqual(resetSeconds * 1000);
  });

  it('makes concurrent calls to one org wait when Remaining reaches 0', async () => {
    const clock = fakeClock();
    const resetSeconds = Math.floor(clock.now() / 1000) + 20;
    const server = await serve(
      (_req, i) => ({
        status: 200,
        headers: { date: httpDate(clock.now()), 'x-rate-limit-limit': '3', 'x-rate-limit-remaining': i === 0 ? '1' : '2', 'x-rate-limit-reset': String(resetSeconds + (i === 0 ? 0 : 60)) },
        body: { ok: true },
      }),
      clock.now,
    );
    // Send times are taken as fetch is called: the fake sleep moves time while others are in flight.
    const sent: { path: string; at: number }[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      sent.push({ path: new URL(String(input)).pathname, at: clock.now() });
      return fetch(input, init);
    };
    const org = connectOktaOrg(server.url, { now: clock.now, sleep: clock.sleep, fetch: recordingFetch });
    await org.admin.json({ method: 'GET', path: '/first' }, Ok);
    // One slot left in this window: one call goes now, the others (through either client) wait.
    await Promise.all([
      org.admin.json({ method: 'GET', path: '/a' }, Ok),
      org.authn.json({ method: 'GET', path: '/b' }, Ok),
      org.admin.json({ method: 'GET', path: '/c' }, Ok),
    ]);
    const beforeReset = sent.slice(1).filter((r) => r.at < resetSeconds * 1000);
    expect(beforeReset).toHaveLength(1);
    expect(sent).toHaveLength(4);
  });

  it('blocks every caller of the org after a 429, not just the one that got it', async () => {
    const clock = fakeClock();
    const resetSeconds = Math.floor(clock.now() / 1000) + 45;
    const server = await serve(
      (req) =>
        req.path === '/limited' && !server.seen.some((r, i) => r.path === '/limited' && i < server.seen.length - 1)
          ? { status: 429, headers: { date: httpDate(clock.now()), 'x-rate-limit-reset': String(resetSeconds) }, body: { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' } }
          : { status: 200, headers: { date: httpDate(clock.now()) }, body: { ok: true } },
      clock.now,
    );
    const org = connectOktaOrg(server.url, { now: clock.now, sleep: clock.sleep, maxAttempts: 1 });
    await expect(org.admin.json({ method: 'GET', path: '/limited' }, Ok)).rejects.toMatchObject({ code: 'RATE_LIMITED', providerCode: 'E0000047' });
    await org.authn.json({ method: 'GET', path: '/other' }, Ok);
    expect(server.seen[1]!.at).toBeGreaterThanOrEqual(resetSeconds * 1000);
  });

  it('lets a poller\'s slow_down 429 pace that poller only: other calls to the tenant are not held until the window resets', async () => {
    const clock = fakeClock();
    const resetSeconds = Math.floor(clock.now() / 1000) + 50;
    const server = await serve(
      (req) =>
        req.path === '/oauth/token'
          ? { status: 429, headers: { date: httpDate(clock.now()), 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '97', 'x-ratelimit-reset': String(resetSeconds) }, body: { error: 'slow_down', error_description: 'You are polling faster than allowed.' } }
          : { status: 200, headers: { date: httpDate(clock.now()) }, body: { ok: true } },
      clock.now,
    );
    const http = client(server.url, { now: clock.now, sleep: clock.sleep });
    const poll = await http.send({ method: 'POST', path: '/oauth/token', form: { grant_type: 'x' }, returnRateLimited: true });
    expect(poll.status).toBe(429);
    await http.json({ method: 'GET', path: '/mfa/authenticators' }, Ok);
    expect(server.seen[1]!.at).toBeLessThan(resetSeconds * 1000);
    expect(clock.state.sleeps.reduce((a, b) => a + b, 0)).toBeLessThan(1_000);
  });

  it('measures clock skew from Date and applies it to the server-time reset', async () => {
    const clock = fakeClock();
    const serverAheadMs = 90_000;
    const serverNow = () => clock.now() + serverAheadMs;
    const resetSeconds = Math.floor(serverNow() / 1000) + 10;
    const server = await serve(
      (_req, i) =>
        i === 0
          ? { status: 429, headers: { date: httpDate(serverNow()), 'x-rate-limit-reset': String(resetSeconds) }, body: { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' } }
          : { status: 200, headers: { date: httpDate(serverNow()) }, body: { ok: true } },
      serverNow,
    );
    const http = client(server.url, { now: clock.now, sleep: clock.sleep });
    await http.json({ method: 'GET', path: '/x' }, Ok);
    expect(server.seen[1]!.at).toBeGreaterThanOrEqual(resetSeconds * 1000);
    // Without the skew the client would have waited ~100 s; with it, about 10 s.
    expect(clock.state.sleeps.reduce((a, b) => a + b, 0)).toBeLessThan(12_000);
    expect(Math.abs(http.clockSkewMs! - serverAheadMs)).toBeLessThanOrEqual(1_000);
  });
});

describe('redaction', () => {
  it('keeps tokens, passwords and passcodes out of logs and errors', async () => {
    const apiToken = '00abcdefghijklmnopqrstuvwxyz0123456789ABCD';
    const password = 'Sup3r-Secret-Pass!';
    const server = await serve(() => ({
      status: 400,
      body: { errorCode: 'E0000001', errorSummary: `Api validation failed: password`, errorCauses: [{ errorSummary: `password: ${password} was used before` }] },
    }));
    const events: HttpLogEvent[] = [];
    const org = connectOktaOrg(server.url, { log: (e) => events.push(e) });
    const users = new OktaUsersClient(org.admin, apiToken);
    const error = await users.create({ profile: { login: 'x@example.com', email: 'x@example.com', firstName: 'X', lastName: 'Y' }, password }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', providerCode: 'E0000001' });
    const visible = JSON.stringify(events) + JSON.stringify(error) + (error as Error).message + String((error as Error).stack);
    expect(visible).not.toContain(apiToken);
    expect(visible).not.toContain(password);
    expect(server.seen[0]?.headers.authorization).toBe(`SSWS ${apiToken}`);
  });
});

describe('malformed answers', () => {
  it('reports a body that is not JSON, or not the expected shape, as a typed error', async () => {
    const server = await serve((_req, i) => (i === 0 ? { status: 200, body: '<html>proxy login</html>', headers: { 'content-type': 'text/html' } } : { status: 200, body: { ok: 'yes' } }));
    const http = client(server.url);
    await expect(http.json({ method: 'GET', path: '/a' }, Ok)).rejects.toMatchObject({ code: 'IDP_ERROR', name: 'IdpError' });
    await expect(http.json({ method: 'GET', path: '/b' }, Ok)).rejects.toMatchObject({ code: 'IDP_ERROR', name: 'IdpError' });
  });
});
