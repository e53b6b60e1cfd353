import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Secret, TOTP } from 'otpauth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app-core';
import { skewObservingFetch } from '../../../electron/core/clock-skew/skew-fetch';
import { SkewMonitor } from '../../../electron/core/clock-skew/skew-monitor';
import { HARD_SKEW_BOUND_MS, orgServerNow, SKEW_WARNING_MS } from '../../../electron/core/clock-skew/skew-bounds';
import { measureTimeSource, timeSourceUrl } from '../../../electron/core/clock-skew/time-source';
import { withIdpHooks } from '../../../electron/core/clock-skew/idp-hooks';
import { ClockSkewService } from '../../../electron/core/clock-skew/clock-service';
import { DEFAULT_SETTINGS } from '../../../electron/core/settings/settings-store';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import { Clock } from '../../../electron/core/otp/clock';
import { Vault } from '../../../electron/core/vault/vault';
import { tempHome } from '../../support/temp-home';

const MACHINE_NOW = Date.UTC(2026, 10, 23, 9, 0, 0);

/** A loopback server whose Date header is `aheadMs` ahead of the test's machine clock. */
let server: Server;
let baseUrl: string;
let aheadMs = 0;
let sendDate = true;
let requests: string[] = [];
beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.method ?? '');
    if (sendDate) response.setHeader('date', new Date(MACHINE_NOW + aheadMs).toUTCString());
    else response.sendDate = false;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  aheadMs = 0;
  sendDate = true;
  requests = [];
});

describe('SkewMonitor', () => {
  it('warns beyond 15 s, and corrects every account’s codes only when the time source and an org agree', () => {
    const clock = new Clock(() => MACHINE_NOW);
    let changes = 0;
    const monitor = new SkewMonitor(clock, () => MACHINE_NOW, () => (changes += 1));
    monitor.record(14_000, 'identity-provider', 'acme.okta.com');
    expect(clock.now()).toBe(MACHINE_NOW);
    expect(monitor.status()).toMatchObject({ offsetMs: 14_000, warning: false, appliedMs: 0, source: 'identity-provider', host: 'acme.okta.com', thresholdMs: SKEW_WARNING_MS });
    monitor.record(16_000, 'time-source', 'time.example');
    expect(clock.now()).toBe(MACHINE_NOW + 16_000);
    expect(monitor.status()).toMatchObject({ warning: true, appliedMs: 16_000, refused: false });
    expect(changes).toBe(2);
  });

  it('lets no single org move other accounts’ codes (one +1 day Date header)', () => {
    const clock = new Clock(() => MACHINE_NOW);
    const monitor = new SkewMonitor(clock, () => MACHINE_NOW);
    monitor.record(86_400_000, 'identity-provider', 'broken.okta.com');
    expect(clock.now()).toBe(MACHINE_NOW);
    expect(monitor.status()).toMatchObject({ warning: true, refused: true, appliedMs: 0 });
  });

  it('keeps the system clock when the time source alone, or sources that disagree, report a skew', () => {
    const clock = new Clock(() => MACHINE_NOW);
    const monitor = new SkewMonitor(clock, () => MACHINE_NOW);
    monitor.record(40_000, 'time-source', 'time.example');
    expect(clock.offset).toBe(0);
    monitor.record(-30_000, 'identity-provider', 'acme.okta.com');
    expect(clock.offset).toBe(0);
    monitor.record(43_000, 'identity-provider', 'other.okta.com');
    expect(clock.offset).toBe(40_000);
  });

  it('never applies a skew past the hard bound, even when sources agree on it', () => {
    const clock = new Clock(() => MACHINE_NOW);
    const monitor = new SkewMonitor(clock, () => MACHINE_NOW);
    monitor.record(HARD_SKEW_BOUND_MS + 60_000, 'time-source', 'time.example');
    monitor.record(HARD_SKEW_BOUND_MS + 61_000, 'identity-provider', 'acme.okta.com');
    expect(clock.offset).toBe(0);
    expect(monitor.status()).toMatchObject({ refused: true, appliedMs: 0 });
  });

  it('stops applying an agreement once its measurements are an hour old', () => {
    let now = MACHINE_NOW;
    const clock = new Clock(() => now);
    const monitor = new SkewMonitor(clock, () => now);
    monitor.record(20_000, 'identity-provider', 'acme.okta.com');
    monitor.record(21_000, 'time-source', 'time.example');
    expect(clock.offset).toBe(21_000);
    now += 61 * 60_000;
    monitor.record(21_000, 'time-source', 'time.example');
    expect(clock.offset).toBe(0);
  });

  it('does not announce sub-second jitter', () => {
    let changes = 0;
    const monitor = new SkewMonitor(new Clock(() => 0), () => 0, () => (changes += 1));
    monitor.record(20_000, 'identity-provider', 'a');
    monitor.record(20_400, 'identity-provider', 'a');
    expect(changes).toBe(1);
  });

  it('reports no measurement before the first one', () => {
    expect(new SkewMonitor(new Clock(), Date.now).status()).toEqual({ offsetMs: null, source: null, host: null, measuredAt: null, thresholdMs: SKEW_WARNING_MS, warning: false, appliedMs: 0, refused: false });
  });
});

describe('an org’s own work', () => {
  it('uses that org’s skew within the hard bound, and refuses past it', () => {
    expect(orgServerNow(MACHINE_NOW, 90_000, 'acme.okta.com')).toBe(MACHINE_NOW + 90_000);
    expect(orgServerNow(MACHINE_NOW, undefined, 'acme.okta.com')).toBe(MACHINE_NOW);
    expect(() => orgServerNow(MACHINE_NOW, 86_400_000, 'acme.okta.com')).toThrow(expect.objectContaining({ code: 'CLOCK_SKEW' }));
  });
});

describe('skewObservingFetch', () => {
  it('feeds identity-provider Date headers into the monitor', async () => {
    aheadMs = 120_000;
    const clock = new Clock(() => MACHINE_NOW);
    const monitor = new SkewMonitor(clock, () => MACHINE_NOW);
    const response = await skewObservingFetch(monitor, { now: () => MACHINE_NOW })(baseUrl);
    expect(response.status).toBe(200);
    expect(Math.abs((monitor.status().offsetMs ?? 0) - 120_000)).toBeLessThanOrEqual(1_000);
    expect(monitor.status()).toMatchObject({ source: 'identity-provider', host: new URL(baseUrl).host, warning: true, appliedMs: 0 });
    expect(clock.offset).toBe(0);
  });

  it('wraps a push configuration’s own fetch, keeping its log', async () => {
    const skew = new ClockSkewService(new Clock(() => MACHINE_NOW), { get: async () => DEFAULT_SETTINGS }, () => undefined, { machineNow: () => MACHINE_NOW });
    const seen: string[] = [];
    const logged: number[] = [];
    const ownFetch = async (input: Parameters<typeof fetch>[0]) => {
      seen.push(String(input));
      return new Response(null, { headers: { date: new Date(MACHINE_NOW + 30_000).toUTCString() } });
    };
    const hooked = withIdpHooks({ http: { fetch: ownFetch as typeof fetch, log: (event) => logged.push(event.attempt) } }, skew);
    await hooked?.http?.fetch?.('https://acme.okta.com/x');
    hooked?.http?.log?.({ method: 'GET', url: 'https://acme.okta.com/x', attempt: 1, outcome: 'response', status: 200, durationMs: 3 });
    expect(seen).toEqual(['https://acme.okta.com/x']);
    expect(logged).toEqual([1]);
    expect(Math.abs((skew.status().offsetMs ?? 0) - 30_000)).toBeLessThanOrEqual(1_000);
    expect(skew.status()).toMatchObject({ host: 'acme.okta.com', warning: true });
    expect(withIdpHooks(undefined, skew)).toBeUndefined();
  });
});

describe('the time source', () => {
  it('accepts https, and plain http only to this computer', () => {
    expect(timeSourceUrl('https://time.example/').host).toBe('time.example');
    expect(timeSourceUrl(baseUrl).hostname).toBe('127.0.0.1');
    expect(() => timeSourceUrl('http://time.example/')).toThrow(expect.objectContaining({ code: 'INSECURE_TRANSPORT', field: 'timeSourceUrl' }));
    expect(() => timeSourceUrl('not a url')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('sends nothing to a plain-http time source elsewhere', async () => {
    const sent: string[] = [];
    const spy = ((input: string | URL | Request) => {
      sent.push(String(input));
      return Promise.reject(new Error('must not be called'));
    }) as typeof fetch;
    await expect(measureTimeSource('http://192.0.2.10/', { fetch: spy })).rejects.toMatchObject({ code: 'INSECURE_TRANSPORT' });
    expect(sent).toEqual([]);
  });

  it('measures the offset with one HEAD request', async () => {
    aheadMs = -45_000;
    const measured = await measureTimeSource(baseUrl, { now: () => MACHINE_NOW });
    expect(Math.abs(measured.offsetMs + 45_000)).toBeLessThanOrEqual(1_000);
    expect(requests).toEqual(['HEAD']);
  });

  it('says so when the source gives no Date header or cannot be reached', async () => {
    sendDate = false;
    await expect(measureTimeSource(baseUrl)).rejects.toMatchObject({ code: 'NETWORK' });
    await expect(measureTimeSource('http://127.0.0.1:9/')).rejects.toMatchObject({ code: 'NETWORK' });
  });
});

describe('clock calls through the core', () => {
  let core: Core;
  afterEach(async () => {
    await core.close();
  });

  it('checks on demand, warns past 15 s, announces it, and corrects the codes once an org agrees', async () => {
    const home = await tempHome('clock');
    const vault = await Vault.open({ home, keySource: { kind: 'passphrase', passphrase: 'correct horse' }, unsafeTestScrypt: { N: 1024, r: 8, p: 1 } });
    core = createCore({ vault, home, now: () => MACHINE_NOW, watchVault: false, timeSource: { unsafeTestUrl: baseUrl } });
    let announced = 0;
    core.events.on('clock:changed', () => (announced += 1));
    const secret = 'JBSWY3DPEHPK3PXP';
    await dispatch(core.handlers, 'accounts:add', { issuer: 'Acme', label: 'bob', secret });

    expect(await dispatch(core.handlers, 'clock:status', {})).toMatchObject({ ok: true, value: { offsetMs: null, warning: false } });
    aheadMs = 90_000;
    const checked = await dispatch(core.handlers, 'clock:check', {});
    expect(checked).toMatchObject({ ok: true, value: { source: 'time-source', warning: true, appliedMs: 0 } });
    expect(announced).toBe(1);
    const totpNow = new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: MACHINE_NOW });
    expect(await dispatch(core.handlers, 'accounts:codes', {})).toMatchObject({ ok: true, value: { codes: [{ code: totpNow }] } });

    // An identity provider's Date header that agrees with the time source: now the codes are corrected.
    await core.clockSkew.fetch(baseUrl);
    expect(announced).toBe(2);
    const codes = await dispatch(core.handlers, 'accounts:codes', {});
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    const offset = core.clock.offset;
    expect(Math.abs(offset - 90_000)).toBeLessThanOrEqual(1_000);
    expect(codes).toMatchObject({ ok: true, value: { codes: [{ code: totp.generate({ timestamp: MACHINE_NOW + offset }) }] } });
    expect(totp.generate({ timestamp: MACHINE_NOW + offset })).not.toBe(totp.generate({ timestamp: MACHINE_NOW }));
  });
});
