import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimHandle, type SimOktaInfo } from '../../sim';
import { postJson, signinHarness } from './cli-harness';
import { suiteTempHome } from '../../support/temp-home';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const ERIN = { login: 'erin@example.com', password: 'Erin-Totp-7' };
const BOB = { login: 'bob@example.com', password: 'Traykey-Demo-2' };
const ALICE = { login: 'alice@example.com', password: 'Traykey-Demo-1' };

let t = Date.UTC(2026, 10, 23, 10, 0, 0);
const clock = { now: () => t, advance: (ms: number) => void (t += ms) };
let sim: SimHandle;
let acme: SimOktaInfo;
const home = suiteTempHome('signin');
let cli: ReturnType<typeof signinHarness>;

beforeAll(async () => {
  sim = await startSimulator({ now: clock.now });
  acme = sim.addOktaOrg('acme', { users: [{ ...ERIN, totpSecret: SECRET, push: true }] });
  cli = signinHarness(clock, home());
});

afterAll(async () => {
  await sim.close();
});

const phone = (org: SimOktaInfo, login: string, answer: 'approve' | 'deny') => postJson(`${org.url}/__sim/okta-verify/answer`, { login, answer });
const signin = (org: SimOktaInfo, login: string, extra: string[] = []) => ['signin', 'okta', '--org', org.url, '--user', login, ...extra];

describe('traykey signin okta', () => {
  it('signs in with the TOTP code of the vault account for that login and org, and checks the session', async () => {
    await cli.addAccount('acme', ERIN.login, SECRET);
    const run = await cli.run(signin(acme, ERIN.login, ['--json']), { stdin: `${ERIN.password}\n` });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ result: 'signed-in', login: ERIN.login, method: 'totp', sessionExpiresAt: expect.any(String) });
    expect(run.pauses).toBe(0);
  });

  it('uses Okta Verify push with a countdown when told to, and signs in once the phone approves', async () => {
    const run = await cli.run(signin(acme, ERIN.login, ['--factor', 'push']), { stdin: ERIN.password, onPause: async (n) => void (n === 2 && expect(await phone(acme, ERIN.login, 'approve')).toBe(200)) });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Signed in as erin@example.com \(push approved on the phone\); the session is active until .+\.\n$/);
    expect(run.stderr).toContain('Approve the sign-in in Okta Verify: 5:00 left');
  });

  it('falls back to the push when the vault holds no code for the user (auto)', async () => {
    const run = await cli.run(signin(sim.okta, BOB.login, ['--json']), { stdin: BOB.password, onPause: async (n) => void (n === 1 && (await phone(sim.okta, BOB.login, 'approve'))) });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ method: 'push' });
  });

  it('exits 1 with a sentence when the phone rejects the push', async () => {
    const run = await cli.run(signin(sim.okta, BOB.login), { stdin: BOB.password, onPause: async (n) => void (n === 1 && (await phone(sim.okta, BOB.login, 'deny'))) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The push was rejected on the phone; not signed in.');
  });

  it('exits 1 when nobody answers the push before it times out, counting down on the way', async () => {
    const run = await cli.run(signin(sim.okta, BOB.login), { stdin: BOB.password });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Nobody answered on the phone in time; not signed in.');
    expect(run.stderr).toMatch(/: 0:[0-2]\d left/);
  });

  it('exits 1 when Okta reports the push TIMEOUT while the transaction is still alive', async () => {
    const quick = await startSimulator({ now: clock.now, pushTimeoutMs: 60_000 });
    try {
      const run = await cli.run(signin(quick.okta, BOB.login), { stdin: BOB.password });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('Nobody answered on the phone in time; not signed in.');
      expect(quick.state.okta()?.transactions.size).toBe(0);
    } finally {
      await quick.close();
    }
  });

  it('exits 1 on a wrong password without echoing it', async () => {
    const run = await cli.run(signin(sim.okta, BOB.login), { stdin: 'Not-The-Password-99\n' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('check the username and password');
    expect(run.stderr).not.toContain('Not-The-Password-99');
  });

  it('cancels the transaction at Okta on Ctrl-C', async () => {
    const controller = new AbortController();
    const before = sim.state.okta()?.transactions.size ?? 0;
    const run = await cli.run(signin(sim.okta, BOB.login), { stdin: BOB.password, signal: controller.signal, onPause: (n) => void (n === 2 && controller.abort()) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Cancelled');
    expect(sim.state.okta()?.transactions.size).toBe(before);
  });

  it('enrols Okta Verify when Okta asks (MFA_ENROLL): shows the activation QR as text blocks and waits for the phone', async () => {
    const run = await cli.run(signin(sim.okta, ALICE.login, ['--json']), { stdin: ALICE.password, onPause: async (n) => void (n === 1 && (await phone(sim.okta, ALICE.login, 'approve'))) });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ method: 'push-enrolled' });
    expect(run.stderr).toContain('Scan this code with Okta Verify');
    expect(run.stderr).toMatch(/[█▀▄]{7}/);
  });

  it('refuses --factor totp in one sentence when the vault holds no code for the user', async () => {
    const run = await cli.run(signin(sim.okta, BOB.login, ['--factor', 'totp']), { stdin: BOB.password });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('has no TOTP factor enrolled in Okta');
  });
});
