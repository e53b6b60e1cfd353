import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, useSimAndCli } from './cli-harness';
import { tempHome } from '../../support/temp-home';

const setup = useSimAndCli();

/** One clock for the CLI and the simulator: sleeping moves both, so no test waits for real. */
function sharedClock() {
  let offset = 0;
  const slept: number[] = [];
  return {
    slept,
    clock: {
      now: () => Date.now() + offset,
      sleep: async (ms: number) => {
        slept.push(ms);
        offset += ms;
        setup.sim.advanceClock(ms);
      },
    },
  };
}

async function enrolOne(prefix: string) {
  const { sim, cli, oktaEnv } = setup;
  const run = await cli.run(['admin', 'okta', 'enroll', '--org', sim.okta.url, '--count', '1', '--prefix', prefix, '--json'], { env: oktaEnv });
  expect(run.code).toBe(0);
  const file = join(await tempHome('results'), 'users.json');
  await cli.run(['admin', 'okta', 'results', '--org', sim.okta.url, '--format', 'json', '--reveal', '--output', file]);
  const [user] = jsonLines(await readFile(file, 'utf8'));
  return { login: String(user?.login), password: String(user?.password) };
}

describe('codes ready the moment a test needs them (simulator)', { timeout: 60_000 }, () => {
  it('code prints the next unused code right after enrolment and says when it is usable; --wait waits for it', async () => {
    const { login } = await enrolOne('fresh');
    const told = await setup.cli.run(['code', login, '--json']);
    expect(told.code).toBe(0);
    expect(told.stderr).toMatch(/^The current code of .* was already used; this next one is usable from \d\d:\d\d:\d\d UTC \(in \d+ s\)\. --wait prints it then\.\n$/);
    const next = JSON.parse(told.stdout) as { code: string; usableInSeconds: number };
    expect(next.usableInSeconds).toBeGreaterThan(0);
    expect(next.usableInSeconds).toBeLessThanOrEqual(60);

    const { clock, slept } = sharedClock();
    const waited = await setup.cli.run(['code', login, '--wait', '--spend'], { clock });
    expect(waited.stdout).toBe(`${next.code}\n`);
    expect(slept).toHaveLength(1);
    // Spent now: the next call names a later code.
    const after = await setup.cli.run(['code', login, '--json'], { clock });
    expect((JSON.parse(after.stdout) as { code: string }).code).not.toBe(next.code);
  });

  it('signin right after enrolment waits for an unused code by itself, counting down, and signs in', async () => {
    const { login, password } = await enrolOne('signin');
    const { clock, slept } = sharedClock();
    const run = await setup.cli.run(['signin', 'okta', '--org', setup.sim.okta.url, '--user', login, '--factor', 'totp'], { stdin: `${password}\n`, clock });
    expect(run.stderr).toMatch(/^The current code was already used \(each code works once\); the next one is usable in \d+ s \(Ctrl-C cancels\)\.\n/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Signed in as signin-1@example\.com \(TOTP from the vault\)/);
    expect(slept.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThan(0);

    const args = ['signin', 'okta', '--org', setup.sim.okta.url, '--user', login, '--factor', 'totp', '--json'];
    const quiet = await setup.cli.run(args, { stdin: `${password}\n`, clock });
    expect(JSON.parse(quiet.stdout)).not.toHaveProperty('sessionToken');
    const revealed = await setup.cli.run([...args, '--reveal-tokens'], { stdin: `${password}\n`, clock });
    expect(JSON.parse(revealed.stdout)).toMatchObject({ result: 'signed-in', sessionId: expect.any(String), sessionToken: expect.any(String) });
    const text = await setup.cli.run(['signin', 'okta', '--org', setup.sim.okta.url, '--user', login, '--reveal-tokens'], { stdin: `${password}\n`, clock });
    expect(text).toMatchObject({ code: 1, stdout: '', stderr: '--reveal-tokens prints the tokens in the JSON answer: add --json.\n' });
  });
});
