import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectAuth0Tenant } from '../../../electron/core/idp/auth0/tenant';
import { Auth0TokenGrants } from '../../../electron/core/idp/auth0/token-grants';
import { startSimulator, type SimHandle } from '../../sim';
import { adminCli, jsonLines } from './cli-harness';
import { codeAt, storedTestUsers } from './verify-accounts';

const LATER_MS = 95_000;
let sim: SimHandle;
let cli: Awaited<ReturnType<typeof adminCli>>;

beforeEach(async () => {
  sim = await startSimulator();
  cli = await adminCli();
});
afterEach(async () => {
  await sim.close();
});

function auth0Env(): Record<string, string> {
  return {
    AUTH0_CLIENT_ID: sim.auth0.managementClientId,
    AUTH0_CLIENT_SECRET: sim.auth0.managementClientSecret,
    AUTH0_APP_CLIENT_ID: sim.auth0.clientId,
    AUTH0_APP_CLIENT_SECRET: sim.auth0.clientSecret,
  };
}

describe('traykey admin auth0 enroll against the simulator', { timeout: 60_000 }, () => {
  it('creates users with the Management API, enrols OTP with the password grant, and the saved codes sign them in', async () => {
    const run = await cli.run(['admin', 'auth0', 'enroll', '--domain', sim.auth0.url, '--count', '3', '--prefix', 'a0', '--json', '--reveal'], { env: auth0Env() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.slice(0, 3).map((line) => line.status)).toEqual(['enrolled', 'enrolled', 'enrolled']);
    expect(lines[0]).toMatchObject({ userId: expect.stringMatching(/^auth0\|/), factorId: expect.stringMatching(/^totp\|/), secret: expect.stringMatching(/^[A-Z2-7]+$/), password: expect.any(String) });

    const vault = await cli.openVault();
    const stored = storedTestUsers(vault);
    vault.close();
    expect(stored).toHaveLength(3);
    sim.advanceClock(LATER_MS);
    const grants = new Auth0TokenGrants(connectAuth0Tenant(sim.auth0.url), { clientId: sim.auth0.clientId, clientSecret: sim.auth0.clientSecret });
    for (const user of stored) {
      const password = String(lines.find((line) => line.login === user.login)?.password);
      const signIn = await grants.password({ username: user.login, password, realm: sim.auth0.realm });
      if (signIn.kind !== 'mfa_required') throw new Error('the tenant should ask for the second factor');
      const tokens = await grants.otp(signIn.mfaToken, codeAt(user.secret, Date.now() + LATER_MS));
      expect(tokens.access_token).toEqual(expect.any(String));
    }
  });

  it('saves a connection from standard input, then enrols with it and no environment variables', async () => {
    const connect = await cli.run(['admin', 'connect', 'auth0', '--domain', sim.auth0.url, '--client-id', sim.auth0.managementClientId, '--app-client-id', sim.auth0.clientId, '--name', 'Sim tenant'], {
      stdin: `${sim.auth0.managementClientSecret}\n${sim.auth0.clientSecret}\n`,
    });
    expect(connect.stderr).toBe('');
    expect(connect.code).toBe(0);
    const listed = await cli.run(['admin', 'connections', '--json']);
    expect(listed.stdout).not.toContain(sim.auth0.managementClientSecret);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ provider: 'auth0', name: 'Sim tenant' })]);
    const run = await cli.run(['admin', 'auth0', 'enroll', '--domain', sim.auth0.url, '--count', '1', '--prefix', 'saved', '--json']);
    expect(run.code).toBe(0);
    const code = await cli.run(['code', 'saved-1@example.com']);
    expect(code.stdout).toMatch(/^\d{6}\n$/);
    const vault = await cli.openVault();
    expect(storedTestUsers(vault)[0]).toBeDefined();
    expect(JSON.stringify(vault.read().accounts)).toContain('"issuer":"Sim tenant"');
    vault.close();
  });
});

describe('admin errors are one sentence and exit 1', { timeout: 60_000 }, () => {
  it('says the Okta API token was rejected', async () => {
    const run = await cli.run(['admin', 'okta', 'enroll', '--org', sim.okta.url, '--count', '1'], { env: { OKTA_API_TOKEN: 'not-the-token' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `Invalid token provided. The API token was rejected: create a new one under Security → API → Tokens in the Okta Admin Console and enter it again. So far: 0 enrolled, 0 failed, 1 not finished (still pending); every user is recorded. Once that is put right, continue with: traykey admin okta enroll --org ${sim.okta.url} --resume\n`,
    );
  });

  it('says an unreachable org cannot be reached', async () => {
    const run = await cli.run(['admin', 'okta', 'enroll', '--org', 'http://127.0.0.1:9/okta/none', '--count', '1'], { env: { OKTA_API_TOKEN: 'x' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Could not reach 127\.0\.0\.1:9: check the network connection and the org address, then try again\. So far: .* Once that is put right, continue with: traykey admin okta enroll --org http:\/\/127\.0\.0\.1:9\/okta\/none --resume\n$/);
  });

  it('says the Auth0 client secret was rejected', async () => {
    const run = await cli.run(['admin', 'auth0', 'test', '--domain', sim.auth0.url], { env: { AUTH0_CLIENT_ID: sim.auth0.managementClientId, AUTH0_CLIENT_SECRET: 'wrong' } });
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr).toContain('The client ID or secret was rejected');
  });

  it('tells a good connection apart and reports a large clock skew', async () => {
    const env = { OKTA_API_TOKEN: sim.okta.apiToken };
    const good = await cli.run(['admin', 'okta', 'test', '--org', sim.okta.url], { env });
    expect(good).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Connected to 127\.0\.0\.1:\d+: the credentials work/) });
    sim.faults.add({ kind: 'date-skew', path: '/**', skewMs: 120_000 });
    const skewed = await cli.run(['admin', 'okta', 'test', '--org', sim.okta.url], { env });
    expect(skewed.code).toBe(1);
    expect(skewed.stderr).toMatch(/^The connection works, but this computer's clock is 12\d s behind the org's/);
  });

  it('refuses an address that is not a URL', async () => {
    const run = await cli.run(['admin', 'okta', 'test', '--org', 'ftp://example.com'], { env: { OKTA_API_TOKEN: 'x' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('"ftp://example.com" is not an org address: it must start with https://.\n');
  });
});
