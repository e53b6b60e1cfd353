import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountsIn } from '../../../electron/core/accounts/stored-account';
import { jsonLines, useSimAndCli } from './cli-harness';
import { tempHome } from '../../support/temp-home';

const setup = useSimAndCli();

const auth0Env = () => ({
  AUTH0_CLIENT_ID: setup.sim.auth0.managementClientId,
  AUTH0_CLIENT_SECRET: setup.sim.auth0.managementClientSecret,
  AUTH0_APP_CLIENT_ID: setup.sim.auth0.clientId,
  AUTH0_APP_CLIENT_SECRET: setup.sim.auth0.clientSecret,
});

async function keptCode(login: string): Promise<string | undefined> {
  const vault = await setup.cli.openVault();
  const code = accountsIn(vault.read()).find((account) => account.label === login)?.recoveryCode;
  vault.close();
  return code;
}

describe('Auth0 recovery codes kept with the account (simulator)', { timeout: 60_000 }, () => {
  it('enrolment keeps the recovery code, results show it on request, and signin --use-recovery-code spends it and keeps the new one', async () => {
    const { sim, cli } = setup;
    const enrolled = await cli.run(['admin', 'auth0', 'enroll', '--domain', sim.auth0.url, '--count', '1', '--prefix', 'rc', '--json'], { env: auth0Env() });
    expect(enrolled.code).toBe(0);
    const login = 'rc-1@example.com';
    const first = await keptCode(login);
    expect(first).toEqual(expect.any(String));
    expect(enrolled.stdout).not.toContain(first);

    const file = join(await tempHome('rc'), 'users.json');
    await cli.run(['admin', 'auth0', 'results', '--domain', sim.auth0.url, '--format', 'json', '--reveal', '--output', file]);
    const [shown] = jsonLines(await readFile(file, 'utf8'));
    expect(shown).toMatchObject({ login, recoveryCode: first });

    const signin = ['signin', 'auth0', '--domain', sim.auth0.url, '--client-id', sim.auth0.clientId, '--user', login, '--use-recovery-code', '--json'];
    const env = { AUTH0_CLIENT_SECRET: sim.auth0.clientSecret };
    const used = await cli.run(signin, { env, stdin: `${String(shown?.password)}\n` });
    expect(used.stderr).toBe('');
    expect(JSON.parse(used.stdout)).toEqual({ result: 'signed-in', method: 'recovery-code', newRecoveryCodeKept: true });
    const second = await keptCode(login);
    expect(second).toEqual(expect.any(String));
    expect(second).not.toBe(first);

    expect(used.stdout).not.toContain('accessToken');
    const again = await cli.run([...signin, '--reveal-tokens'], { env, stdin: `${String(shown?.password)}\n` });
    expect(JSON.parse(again.stdout)).toMatchObject({ result: 'signed-in', method: 'recovery-code', tokens: { accessToken: expect.any(String) } });
  });

  it('says so when the vault keeps no recovery code for the user', async () => {
    const { sim, cli } = setup;
    const run = await cli.run(['signin', 'auth0', '--domain', sim.auth0.url, '--client-id', sim.auth0.clientId, '--user', 'carol', '--use-recovery-code'], { stdin: 'Traykey-Demo-3\n' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('The vault keeps no recovery code for carol at this tenant: give one with --recovery-code.\n');
  });
});
