import { describe, expect, it } from 'vitest';
import { LOGIN, suiteSimulator } from './push-sim';
import type { PushLogEvent } from '../../../electron/core/push/push-log';
import { PushService } from '../../../electron/core/push/push-service';
import { MemoryVault } from '../../unit/accounts/memory-vault';
import { DEFAULT_CADENCE } from '../../../electron/core/push/poll-cadence';
import { askToConfirm, cibaToken, simChallenge } from './ciba-requester';
import { FakeNotifier } from '../../support/fake-notifier';

const env = suiteSimulator();

async function enrolledService(log: PushLogEvent[] = []): Promise<{ service: PushService; vault: MemoryVault }> {
  const vault = new MemoryVault();
  const service = new PushService({ vault, http: { timeoutMs: 5_000 }, log: (event) => log.push(event) });
  await service.enrol({ orgUrl: env.sim.okta.url, clientId: env.sim.okta.oidcClientId, signIn: { kind: 'password', username: LOGIN, password: env.password } });
  return { service, vault };
}

/** What a person does in the browser: open the sign-in page, submit the form, follow the redirect home. */
async function signInAsBrowser(url: string, opened: string[]): Promise<void> {
  opened.push(url);
  const page = await fetch(url);
  const html = await page.text();
  const fields = new URLSearchParams();
  for (const [, name = '', value = ''] of html.matchAll(/name="([^"]+)" value="([^"]*)"/g)) fields.set(name, value.replace(/&#(\d+);/g, (_x, c: string) => String.fromCharCode(Number(c))));
  fields.set('username', LOGIN);
  fields.set('password', env.password);
  const submitted = await fetch(url.split('?')[0] ?? url, { method: 'POST', body: fields, redirect: 'manual' });
  const location = submitted.headers.get('location');
  if (!location) throw new Error(`the sign-in form answered ${submitted.status}`);
  await (await fetch(location)).text();
}

describe('the desktop approver against the simulator', () => {
  it('enrols with the real OS, software keys and pull-only push, keeping private keys only in the vault', async () => {
    const { service, vault } = await enrolledService();
    const [enrolment] = service.enrolments();
    expect(enrolment?.orgUrl).toBe(env.sim.okta.url);
    expect(enrolment?.proofOfPossession.d).toBeTypeOf('string');
    const serverSide = env.sim.state.okta();
    expect(serverSide).toBeDefined();
    const state = await (await fetch(`${env.sim.okta.url}/__sim/okta-push/state`)).json() as { enrollments: { id: string; platform: string; transactionTypes: string[] }[] };
    const mine = state.enrollments.find((e) => e.id === enrolment?.id);
    expect(mine?.platform).toMatch(/^(LINUX|MACOS|WINDOWS)$/);
    expect(mine?.transactionTypes).toEqual(['LOGIN', 'CIBA']);
    expect(JSON.stringify(vault.saved)).not.toContain('access_token');
    await service.remove({ orgUrl: env.sim.okta.url, signIn: { kind: 'password', username: LOGIN, password: env.password } });
  });

  it('shows a CIBA request with its binding message, and approving it gives the requester its tokens', async () => {
    const { service } = await enrolledService();
    const authReqId = await askToConfirm(env.sim, LOGIN, 'Helpdesk call 4711');
    const [challenge] = await service.pollAll();
    expect(challenge).toMatchObject({ transactionType: 'CIBA', bindingMessage: 'Helpdesk call 4711' });
    await expect(service.approve(challenge?.id ?? '')).resolves.toBe('approved');
    expect(service.list()).toEqual([]);
    const token = await cibaToken(env.sim, authReqId);
    expect(token.status).toBe(200);
    expect(token.access_token).toBeTypeOf('string');
    await service.remove({ orgUrl: env.sim.okta.url, signIn: { kind: 'password', username: LOGIN, password: env.password } });
  });

  it('records a denial, and the requester hears access_denied', async () => {
    const { service } = await enrolledService();
    const authReqId = await askToConfirm(env.sim, LOGIN, 'Deny me');
    const [challenge] = await service.pollAll();
    await expect(service.deny(challenge?.id ?? '')).resolves.toBe('denied');
    const token = await cibaToken(env.sim, authReqId);
    expect(token.error).toBe('access_denied');
    await service.remove({ orgUrl: env.sim.okta.url, signIn: { kind: 'password', username: LOGIN, password: env.password } });
  });

  it('never keeps forged, expired or other-enrolment challenges, and logs only why', async () => {
    const log: PushLogEvent[] = [];
    const { service } = await enrolledService(log);
    for (const tamper of ['foreign-key', 'expired', 'other-enrollment']) await simChallenge(env.sim, { login: LOGIN, tamper });
    expect(await service.pollAll()).toEqual([]);
    expect(log.map((e) => (e.kind === 'challenge-rejected' ? e.reason : e.kind)).sort()).toEqual(['bad-signature', 'expired', 'wrong-enrolment']);
    expect(JSON.stringify(log)).not.toMatch(/eyJ|nonce|ft[A-Za-z0-9]{20}/);
    await service.remove({ orgUrl: env.sim.okta.url, signIn: { kind: 'password', username: LOGIN, password: env.password } });
  });

  it('drops a replayed challenge once the original was answered', async () => {
    const log: PushLogEvent[] = [];
    const { service } = await enrolledService(log);
    await simChallenge(env.sim, { login: LOGIN, appInstanceName: 'Payroll' });
    const [original] = await service.pollAll();
    await service.approve(original?.id ?? '');
    await simChallenge(env.sim, { login: LOGIN, tamper: 'replay' });
    expect(await service.pollAll()).toEqual([]);
    expect(log).toContainEqual({ kind: 'challenge-rejected', enrolmentId: original?.enrolmentId, reason: 'replayed' });
    await service.remove({ orgUrl: env.sim.okta.url, signIn: { kind: 'password', username: LOGIN, password: env.password } });
  });

  it('enrols through the browser sign-in (authorization code + PKCE, loopback redirect) and removes with a fresh one', async () => {
    const opened: string[] = [];
    const browser = { kind: 'browser' as const, timeoutMs: 10_000, openBrowser: (url: string) => signInAsBrowser(url, opened) };
    const service = new PushService({ vault: new MemoryVault(), http: { timeoutMs: 5_000 } });
    const enrolment = await service.enrol({ orgUrl: env.sim.okta.url, clientId: env.sim.okta.oidcClientId, signIn: browser });
    expect(new URL(opened[0] ?? '').searchParams.get('code_challenge_method')).toBe('S256');
    await service.remove({ orgUrl: env.sim.okta.url, signIn: browser });
    expect(opened).toHaveLength(2);
    const state = (await (await fetch(`${env.sim.okta.url}/__sim/okta-push/state`)).json()) as { enrollments: { id: string }[] };
    expect(state.enrollments.map((e) => e.id)).not.toContain(enrolment.id);
    expect(service.enrolments()).toEqual([]);
  });

  it('polls on its own once started and raises one notification per new request, without the binding message; clicking it opens that request once', async () => {
    const vault = new MemoryVault();
    const notifier = new FakeNotifier();
    const notes = notifier.shown;
    let opened = 0;
    const service = new PushService({
      vault,
      http: { timeoutMs: 5_000 },
      cadence: { ...DEFAULT_CADENCE, activeIntervalMs: 100, idleIntervalMs: 100 },
      notifier,
      onOpenRequest: () => (opened += 1),
    });
    await service.enrol({ orgUrl: env.sim.okta.url, clientId: env.sim.okta.oidcClientId, signIn: { kind: 'password', username: LOGIN, password: env.password } });
    const arrived = new Promise((resolve) => service.onChallenge(resolve));
    service.start();
    await askToConfirm(env.sim, LOGIN, 'Secret-ish binding text');
    await arrived;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(notes).toEqual([{ title: 'Traykey: approve or deny', body: 'A request to confirm for Helpdesk verification is waiting in Traykey.', onClick: expect.any(Function) }]);
    expect(service.takeFocus()).toBeNull();
    notes[0]?.onClick?.();
    expect(opened).toBe(1);
    expect(service.takeFocus()).toBe(service.list()[0]?.id);
    expect(service.takeFocus()).toBeNull();
    service.stop();
    await service.remove({ orgUrl: env.sim.okta.url, signIn: { kind: 'password', username: LOGIN, password: env.password } });
  });

  it('approves for several orgs at once, each with its own enrolment', async () => {
    const acme = env.sim.addOktaOrg('acme', { users: [{ login: LOGIN, password: 'Acme-Pass-1', firstName: 'Bob', lastName: 'Acme' }] });
    const service = new PushService({ vault: new MemoryVault(), http: { timeoutMs: 5_000 } });
    await service.enrol({ orgUrl: env.sim.okta.url, clientId: env.sim.okta.oidcClientId, signIn: { kind: 'password', username: LOGIN, password: env.password } });
    await service.enrol({ orgUrl: acme.url, clientId: acme.oidcClientId, signIn: { kind: 'password', username: LOGIN, password: 'Acme-Pass-1' } });
    await simChallenge(env.sim, { login: LOGIN, appInstanceName: 'Demo app' });
    const response = await fetch(`${acme.url}/__sim/okta-push/challenges`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: LOGIN, appInstanceName: 'Acme app' }) });
    expect(response.status).toBe(201);
    const pending = await service.pollAll();
    expect(pending.map((c) => [c.orgUrl, c.app]).sort()).toEqual([[acme.url, 'Acme app'], [env.sim.okta.url, 'Demo app']].sort());
    await service.deny(pending[0]?.id ?? '');
    await service.deny(pending[1]?.id ?? '');
    await service.remove({ orgUrl: env.sim.okta.url, signIn: { kind: 'password', username: LOGIN, password: env.password } });
    await service.remove({ orgUrl: acme.url, signIn: { kind: 'password', username: LOGIN, password: 'Acme-Pass-1' } });
  });

  it('remembers answered requests across restarts, so a replay after a restart is still dropped', async () => {
    const log: PushLogEvent[] = [];
    const { service, vault } = await enrolledService(log);
    await simChallenge(env.sim, { login: LOGIN, appInstanceName: 'Payroll' });
    const [original] = await service.pollAll();
    await service.approve(original?.id ?? '');
    service.stop();
    const restarted = new PushService({ vault, http: { timeoutMs: 5_000 }, log: (event) => log.push(event) });
    await simChallenge(env.sim, { login: LOGIN, tamper: 'replay' });
    expect(await restarted.pollAll()).toEqual([]);
    expect(log.filter((e) => e.kind === 'challenge-rejected').map((e) => (e.kind === 'challenge-rejected' ? e.reason : ''))).toEqual(['replayed']);
    await restarted.remove({ orgUrl: env.sim.okta.url, signIn: { kind: 'password', username: LOGIN, password: env.password } });
  });

  it('says plainly when the org has the MyAccount API turned off', async () => {
    await fetch(`${env.sim.okta.url}/__sim/okta-push/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ myAccountEnabled: false }) });
    try {
      const service = new PushService({ vault: new MemoryVault(), http: { timeoutMs: 5_000 } });
      await expect(service.enrol({ orgUrl: env.sim.okta.url, clientId: env.sim.okta.oidcClientId, signIn: { kind: 'password', username: LOGIN, password: env.password } })).rejects.toThrow(
        'The Okta org has the MyAccount API turned off, so this computer cannot enrol: ask an admin to enable it (Settings → Features).',
      );
    } finally {
      await fetch(`${env.sim.okta.url}/__sim/okta-push/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ myAccountEnabled: true }) });
    }
  });

  it('says in one sentence when the org refuses a desktop platform', async () => {
    await fetch(`${env.sim.okta.url}/__sim/okta-push/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ allowedPlatforms: ['IOS', 'ANDROID'] }) });
    try {
      const service = new PushService({ vault: new MemoryVault(), http: { timeoutMs: 5_000 } });
      await expect(service.enrol({ orgUrl: env.sim.okta.url, clientId: env.sim.okta.oidcClientId, signIn: { kind: 'password', username: LOGIN, password: env.password } })).rejects.toThrow(/refused to enrol this (LINUX|MACOS|WINDOWS) computer/);
    } finally {
      await fetch(`${env.sim.okta.url}/__sim/okta-push/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ allowedPlatforms: [] }) });
    }
  });
});
