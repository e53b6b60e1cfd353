import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { confirmWithCiba } from '../../../electron/core/ciba/confirm';
import { MAX_ANNOUNCED_WAIT_MS } from '../../../electron/core/idp/http/announced-wait';
import { HttpClient } from '../../../electron/core/idp/http/client';
import { defaultSleep } from '../../../electron/core/idp/http/sleep';
import { oktaErrorMapper } from '../../../electron/core/idp/okta/errors';
import { OktaCibaClient } from '../../../electron/core/idp/okta/ciba';
import { connectOktaOrg } from '../../../electron/core/idp/okta/org';
import { MAX_TIMER_DELAY_MS, timerDelay } from '../../../shared/timer-delay';
import { fakeClock, httpDate, startScriptedServer, type Script } from './scripted-server';

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(script: Script, clock: () => number) {
  const server = await startScriptedServer(script, clock);
  servers.push(server);
  return server;
}

const Ok = z.object({ ok: z.boolean() });
const RATE_LIMITED = { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' };

/** One 429 carrying `headers`, then 200s; the client would retry after the wait if it accepted it. */
async function limitedOnce(clock: ReturnType<typeof fakeClock>, headers: (now: number) => Record<string, string>) {
  const server = await serve((_req, i) => (i === 0 ? { status: 429, headers: { date: httpDate(clock.now()), ...headers(clock.now()) }, body: RATE_LIMITED } : { status: 200, headers: { date: httpDate(clock.now()) }, body: { ok: true } }), clock.now);
  const http = new HttpClient({ baseUrl: server.url, service: 'Okta', mapError: oktaErrorMapper('admin'), now: clock.now, sleep: clock.sleep, maxAttempts: 3 });
  return { server, http };
}

describe('waits a server announces are capped, and absurd ones are a fault, not a wait', () => {
  const seconds = (ms: number) => String(Math.floor(ms / 1000));
  const ABSURD: [string, (now: number) => Record<string, string>][] = [
    ['a reset in 2100', () => ({ 'x-rate-limit-reset': seconds(Date.UTC(2100, 0, 1)) })],
    ['a reset just past the cap', (now) => ({ 'x-rate-limit-reset': seconds(now + MAX_ANNOUNCED_WAIT_MS + 5_000) })],
    ['a negative reset', () => ({ 'x-rate-limit-reset': '-60' })],
    ['a NaN reset', () => ({ 'x-rate-limit-reset': 'NaN' })],
    ['an Auth0 reset in 2100', () => ({ 'x-ratelimit-reset': seconds(Date.UTC(2100, 0, 1)) })],
    ['Retry-After of a year', () => ({ 'retry-after': String(365 * 86_400) })],
    ['Retry-After as a date in 2100', () => ({ 'retry-after': httpDate(Date.UTC(2100, 0, 1)) })],
    ['a negative Retry-After', () => ({ 'retry-after': '-5' })],
    ['a garbage Retry-After', () => ({ 'retry-after': 'soon' })],
  ];
  for (const [name, headers] of ABSURD) {
    it(`${name}: SERVER_FAULT at once, no sleep, no retry`, async () => {
      const clock = fakeClock();
      const { server, http } = await limitedOnce(clock, headers);
      await expect(http.json({ method: 'GET', path: '/users' }, Ok)).rejects.toMatchObject({ code: 'SERVER_FAULT' });
      expect(clock.state.sleeps).toEqual([]);
      expect(server.seen).toHaveLength(1);
    });
  }

  it('names the host and the header in the fault', async () => {
    const clock = fakeClock();
    const { server, http } = await limitedOnce(clock, () => ({ 'x-rate-limit-reset': seconds(Date.UTC(2100, 0, 1)) }));
    const error = (await http.json({ method: 'GET', path: '/users' }, Ok).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain(new URL(server.url).host);
    expect(error.message).toContain('rate-limit reset');
  });

  it('still waits out a sane reset and a Retry-After without a Date header', async () => {
    const clock = fakeClock();
    const { server, http } = await limitedOnce(clock, (now) => ({ 'x-rate-limit-reset': seconds(now + 30_000) }));
    await http.json({ method: 'GET', path: '/users' }, Ok);
    expect(server.seen).toHaveLength(2);
    expect(server.seen[1]!.at - server.seen[0]!.at).toBeGreaterThanOrEqual(29_000);

    const clock2 = fakeClock();
    const server2 = await serve((_req, i) => (i === 0 ? { status: 429, headers: { 'retry-after': '20' }, body: RATE_LIMITED } : { status: 200, body: { ok: true } }), clock2.now);
    const http2 = new HttpClient({ baseUrl: server2.url, service: 'Okta', mapError: oktaErrorMapper('admin'), now: clock2.now, sleep: clock2.sleep });
    await http2.json({ method: 'GET', path: '/users' }, Ok);
    expect(server2.seen[1]!.at - server2.seen[0]!.at).toBe(20_000);
  });

  it('refuses a 200 whose window claims to reset in 2100 instead of parking later calls', async () => {
    const clock = fakeClock();
    const server = await serve(() => ({ status: 200, headers: { date: httpDate(clock.now()), 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': seconds(Date.UTC(2100, 0, 1)) }, body: { ok: true } }), clock.now);
    const org = connectOktaOrg(server.url, { now: clock.now, sleep: clock.sleep });
    await expect(org.admin.json({ method: 'GET', path: '/users' }, Ok)).rejects.toMatchObject({ code: 'SERVER_FAULT' });
    expect(clock.state.sleeps).toEqual([]);
  });

  it('stops a CIBA poll whose announced interval passes the cap', async () => {
    const clock = fakeClock();
    const server = await serve(
      (req) =>
        req.path.endsWith('/bc/authorize')
          ? { status: 200, body: { auth_req_id: 'r1', expires_in: 300, interval: 86_400 * 365 } }
          : { status: 400, body: { error: 'authorization_pending' } },
      clock.now,
    );
    const org = connectOktaOrg(server.url, { now: clock.now, sleep: clock.sleep });
    const client = new OktaCibaClient(org.authn, { clientId: 'c', clientSecret: 's' });
    await expect(confirmWithCiba(client, { loginHint: 'bob' }, { now: clock.now, sleep: clock.sleep })).rejects.toMatchObject({ code: 'SERVER_FAULT' });
    expect(clock.state.sleeps).toEqual([]);
  });
});

describe('timer delays', () => {
  it('never hands setTimeout more than 2^31−1 ms, nor a negative delay', () => {
    expect(timerDelay(Date.UTC(2100, 0, 1))).toBe(MAX_TIMER_DELAY_MS);
    expect(timerDelay(Number.POSITIVE_INFINITY)).toBe(MAX_TIMER_DELAY_MS);
    expect(timerDelay(-5)).toBe(0);
    expect(timerDelay(1_500)).toBe(1_500);
    expect(() => timerDelay(Number.NaN)).toThrow(RangeError);
  });

  it('the real sleep clamps an overflowing wait instead of firing after 1 ms', async () => {
    const controller = new AbortController();
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    const started = Date.now();
    const sleeping = defaultSleep(2 ** 40, controller.signal).catch(() => 'aborted');
    await new Promise((resolve) => setTimeout(resolve, 30));
    controller.abort();
    expect(await sleeping).toBe('aborted');
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    expect(warnings).not.toContain('TimeoutOverflowWarning');
  });
});
