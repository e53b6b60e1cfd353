import { afterEach, describe, expect, it } from 'vitest';
import { startFixture, type SimFixture, START } from './sim-client';

let f: SimFixture | undefined;
afterEach(async () => {
  await f?.sim.close();
  f = undefined;
});

describe('simulator rate limits', () => {
  it('puts X-Rate-Limit headers on every Okta response and answers 429 E0000047 past the bucket', async () => {
    f = await startFixture({ seed: { okta: { rateLimits: [{ path: '/api/v1/users/**', limit: 3 }, { path: '/api/v1/users', limit: 3 }, { path: '/**', limit: 100 }] } } });
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await f.okta('GET', '/api/v1/users/alice@example.com');
      seen.push(res.headers.get('x-rate-limit-remaining') ?? '');
      expect(res.headers.get('x-rate-limit-limit')).toBe('3');
    }
    expect(seen).toEqual(['2', '1', '0']);
    const limited = await f.okta('GET', '/api/v1/users/alice@example.com');
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' });
    expect(Number(limited.headers.get('x-rate-limit-reset'))).toBe(Math.ceil((START + 60_000) / 1000));
    f.tick(60_000);
    expect((await f.okta('GET', '/api/v1/users/alice@example.com')).status).toBe(200);
  });

  it('counts each bucket separately', async () => {
    f = await startFixture({ seed: { okta: { rateLimits: [{ path: '/api/v1/users/**', limit: 1 }, { path: '/**', limit: 100 }] } } });
    await f.okta('GET', '/api/v1/users/alice@example.com');
    expect((await f.okta('GET', '/api/v1/users/alice@example.com')).status).toBe(429);
    const authn = await f.okta('POST', '/api/v1/authn', { username: 'alice@example.com', password: 'Traykey-Demo-1' }, { token: null });
    expect(authn.status).toBe(200);
    expect(authn.headers.get('x-rate-limit-limit')).toBe('100');
  });
});

describe('simulator fault injection', () => {
  it('answers a configured 5xx with the provider error body', async () => {
    f = await startFixture();
    f.sim.faults.add({ method: 'GET', path: '/api/v1/users/*', kind: 'status', status: 502, times: 1 });
    const failed = await f.okta('GET', '/api/v1/users/alice@example.com');
    expect(failed.status).toBe(502);
    expect(failed.json.errorCode).toBe('E0000009');
    expect((await f.okta('GET', '/api/v1/users/alice@example.com')).status).toBe(200);
  });

  it('drops the connection', async () => {
    f = await startFixture();
    f.sim.faults.add({ path: '/okta/demo/api/v1/authn', kind: 'drop' });
    await expect(f.okta('POST', '/api/v1/authn', { username: 'x', password: 'y' }, { token: null })).rejects.toThrow();
  });

  it('sends truncated JSON', async () => {
    f = await startFixture();
    f.sim.faults.add({ path: '/oauth/token', kind: 'malformed-json' });
    const res = await fetch(`${f.sim.auth0.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'password', client_id: f.sim.auth0.clientId, username: 'carol', password: 'x' }) });
    const text = await res.text();
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it('adds latency', async () => {
    f = await startFixture();
    f.sim.faults.add({ path: '/api/v1/users/**', kind: 'latency', ms: 150, times: 1 });
    const started = performance.now();
    await f.okta('GET', '/api/v1/users/alice@example.com');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('answers a 429 storm with provider bodies and a reset in the future', async () => {
    f = await startFixture();
    f.sim.faults.add({ path: '/**', kind: 'rate-limit', ms: 30_000, times: 2 });
    const okta = await f.okta('GET', '/api/v1/users/alice@example.com');
    expect(okta.status).toBe(429);
    expect(okta.json.errorCode).toBe('E0000047');
    expect(okta.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(Number(okta.headers.get('x-rate-limit-reset'))).toBe(Math.ceil((START + 30_000) / 1000));
    const auth0 = await f.auth0('GET', '/mfa/authenticators');
    expect(auth0.status).toBe(429);
    expect(auth0.json.error).toBe('too_many_requests');
    expect(auth0.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  it('skews the Date header', async () => {
    f = await startFixture();
    f.sim.faults.add({ path: '/**', kind: 'date-skew', skewMs: 90_000 });
    const res = await f.okta('GET', '/api/v1/users/alice@example.com');
    expect(Date.parse(res.headers.get('date') ?? '')).toBe(Math.floor((START + 90_000) / 1000) * 1000);
  });

  it('is configurable through the control route and removable', async () => {
    f = await startFixture();
    const post = await fetch(`${f.sim.origin}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: '/api/v1/users/*', kind: 'status', status: 503 }) });
    expect(post.status).toBe(201);
    const { id } = (await post.json()) as { id: string };
    expect((await f.okta('GET', '/api/v1/users/alice@example.com')).status).toBe(503);
    const list = (await (await fetch(`${f.sim.origin}/__sim/faults`)).json()) as { id: string; hits: number }[];
    expect(list).toEqual([expect.objectContaining({ id, hits: 1 })]);
    expect((await fetch(`${f.sim.origin}/__sim/faults/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await f.okta('GET', '/api/v1/users/alice@example.com')).status).toBe(200);
    const bad = await fetch(`${f.sim.origin}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'explode' }) });
    expect(bad.status).toBe(400);
  });

  it('never applies faults to its own control routes, so a catch-all fault can still be cleared', async () => {
    f = await startFixture();
    f.sim.faults.add({ path: '/**', kind: 'drop' });
    expect((await fetch(`${f.sim.origin}/__sim/faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await f.okta('GET', '/api/v1/users/alice@example.com')).status).toBe(200);
  });

  it('answers malformed request JSON with E0000003', async () => {
    f = await startFixture();
    const res = await fetch(`${f.sim.okta.url}/api/v1/authn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errorCode: string }).errorCode).toBe('E0000003');
  });
});

describe('simulator rate-limit configuration', () => {
  it('replaces the buckets through the handle and through the control route', async () => {
    f = await startFixture();
    expect(f.sim.setRateLimits('okta', [{ path: '/api/v1/users', limit: 600 }, { path: '/**', limit: 1 }])).toBe(true);
    const create = await f.okta('POST', '/api/v1/users', { profile: { login: 'rl@example.com', email: 'rl@example.com' } });
    expect(create.headers.get('x-rate-limit-limit')).toBe('600');
    const put = await fetch(`${f.sim.origin}/__sim/rate-limits`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ provider: 'okta', rules: [{ path: '/**', limit: 0 }] }) });
    expect(put.status).toBe(204);
    expect((await f.okta('GET', '/api/v1/users/alice@example.com')).status).toBe(429);
    const unknown = await fetch(`${f.sim.origin}/__sim/rate-limits`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ provider: 'okta', name: 'nope', rules: [] }) });
    expect(unknown.status).toBe(404);
  });
});
