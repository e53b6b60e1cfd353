import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimAuth0Info, type SimHandle } from '../../sim';
import { postJson, signinHarness } from './cli-harness';
import { suiteTempHome } from '../../support/temp-home';

const SECRET = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';
const FRAN = { email: 'fran@example.com', username: 'fran', password: 'Fran-Otp-5' };
const DAVE = { login: 'dave@example.com', password: 'Traykey-Demo-4' };

let t = Date.UTC(2026, 10, 23, 10, 0, 0);
const clock = { now: () => t, advance: (ms: number) => void (t += ms) };
let sim: SimHandle;
let beta: SimAuth0Info;
const home = suiteTempHome('signin');
let cli: ReturnType<typeof signinHarness>;

beforeAll(async () => {
  sim = await startSimulator({ now: clock.now });
  beta = sim.addAuth0Tenant('beta', { users: [{ ...FRAN, totpSecret: SECRET }] });
  cli = signinHarness(clock, home());
});

afterAll(async () => {
  await sim.close();
});

const guardian = (username: string, answer: 'approve' | 'deny') => postJson(`${sim.auth0.url}/__sim/guardian/answer`, { username, answer });
const signin = (tenant: SimAuth0Info, login: string, extra: string[] = []) => ['signin', 'auth0', '--domain', tenant.url, '--client-id', tenant.clientId, '--user', login, ...extra];
const env = (tenant: SimAuth0Info) => ({ AUTH0_CLIENT_SECRET: tenant.clientSecret });

describe('traykey signin auth0', () => {
  it('answers mfa_required with the OTP of the vault account named by --account', async () => {
    await cli.addAccount('Beta tenant', FRAN.email, SECRET);
    const run = await cli.run(signin(beta, FRAN.email, ['--account', 'Beta tenant', '--json']), { stdin: `${FRAN.password}\n`, env: env(beta) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ result: 'signed-in', method: 'otp' });
  });

  it('polls the mfa-oob grant for a Guardian push until the phone approves', async () => {
    const run = await cli.run(signin(sim.auth0, DAVE.login), { stdin: DAVE.password, env: env(sim.auth0), onPause: async (n) => void (n === 1 && expect(await guardian('dave', 'approve')).toBe(200)) });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Signed in as dave@example.com (push approved on the phone).\n');
    expect(run.stderr).toContain('Approve the sign-in in Auth0 Guardian');
  });

  it('waits longer after slow_down and still signs in once the phone approves', async () => {
    // The first pause is cut short, so Auth0 sees the second poll too soon and says slow_down.
    const run = await cli.run(signin(sim.auth0, DAVE.login, ['--factor', 'push']), {
      stdin: DAVE.password,
      env: env(sim.auth0),
      advance: (ms, n) => (n === 1 ? 1_000 : ms),
      onPause: async (n) => void (n === 2 && (await guardian('dave', 'approve'))),
    });
    expect(run.code).toBe(0);
    expect(run.sleeps.slice(0, 2)).toEqual([5_000, 10_000]);
  });

  it('exits 1 with a sentence when the Guardian push is rejected', async () => {
    const run = await cli.run(signin(sim.auth0, DAVE.login), { stdin: DAVE.password, env: env(sim.auth0), onPause: async (n) => void (n === 1 && (await guardian('dave', 'deny'))) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The push was rejected on the phone; not signed in.');
  });

  it('signs in with a recovery code read from the line after the password, and shows the replacement once', async () => {
    const user = [...(sim.state.auth0()?.users.values() ?? [])].find((u) => u.email === DAVE.login);
    const code = user?.recoveryCode ?? '';
    expect(code).not.toBe('');
    const run = await cli.run(signin(sim.auth0, DAVE.login, ['--recovery-code']), { stdin: `${DAVE.password}\n${code}\n`, env: env(sim.auth0) });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Signed in as dave@example.com (recovery code).');
    expect(run.stdout).toContain('Auth0 replaced the recovery code');
    const again = await cli.run(signin(sim.auth0, DAVE.login, ['--recovery-code']), { stdin: `${DAVE.password}\n${code}\n`, env: env(sim.auth0) });
    expect(again.code).toBe(1);
    expect(again.stderr).not.toContain(code);
  });

  it('exits 1 on a wrong password without echoing it', async () => {
    const run = await cli.run(signin(sim.auth0, DAVE.login), { stdin: 'Wrong-Password-31', env: env(sim.auth0) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/password/i);
    expect(run.stderr).not.toContain('Wrong-Password-31');
  });
});
