import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runsIn } from '../../../electron/core/admin/enrol-record';
import { connectOktaOrg } from '../../../electron/core/idp/okta/org';
import { OktaFactorsClient } from '../../../electron/core/idp/okta/factors';
import { startSimulator, type SimHandle } from '../../sim';
import { adminCli, jsonLines } from './cli-harness';
import { codeAt, storedTestUsers } from './verify-accounts';

const ROOT = resolve(import.meta.dirname, '../../..');
/** Later than any time step an enrolment used, so the check never replays a code. */
const LATER_MS = 95_000;

let sim: SimHandle;
let cli: Awaited<ReturnType<typeof adminCli>>;
let env: Record<string, string>;

beforeEach(async () => {
  sim = await startSimulator();
  cli = await adminCli();
  env = { OKTA_API_TOKEN: sim.okta.apiToken };
});
afterEach(async () => {
  await sim.close();
});

function usersWithPrefix(prefix: string) {
  return [...(sim.state.okta()?.users.values() ?? [])].filter((user) => user.profile.login.startsWith(`${prefix}-`));
}

/** Every stored account's code, at a later simulated time, passes the org's factor verify. */
async function expectEveryCodeVerifies(count: number): Promise<void> {
  const vault = await cli.openVault();
  const stored = storedTestUsers(vault);
  vault.close();
  expect(stored).toHaveLength(count);
  sim.advanceClock(LATER_MS);
  const factors = new OktaFactorsClient(connectOktaOrg(sim.okta.url).admin, sim.okta.apiToken);
  for (const user of stored) {
    const result = await factors.verify(user.userId, user.factorId, codeAt(user.secret, Date.now() + LATER_MS));
    expect(result.factorResult, user.login).toBe('SUCCESS');
  }
}

describe('traykey admin okta enroll against the simulator', { timeout: 120_000 }, () => {
  it('enrols one user end to end and saves an account whose code the org accepts', async () => {
    const run = await cli.run(['admin', 'okta', 'enroll', '--org', sim.okta.url, '--count', '1', '--prefix', 'one', '--json'], { env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [user, summary] = jsonLines(run.stdout);
    expect(user).toMatchObject({ login: 'one-1@example.com', status: 'enrolled', userId: expect.any(String), factorId: expect.any(String) });
    expect(summary).toMatchObject({ summary: true, total: 1, enrolled: 1, failed: 0 });
    expect(usersWithPrefix('one')[0]?.status).toBe('ACTIVE');
    await expectEveryCodeVerifies(1);
    const vault = await cli.openVault();
    const [stored] = storedTestUsers(vault);
    vault.close();
    expect(stored?.tags).toEqual(['test-user', expect.stringMatching(/^okta-127-0-0-1-\d+-okta-demo$/)]);
  });

  it('enrols a hundred users, every one with a working code, and a second run makes no duplicates', async () => {
    const args = ['admin', 'okta', 'enroll', '--org', sim.okta.url, '--count', '100', '--prefix', 'bulk', '--concurrency', '16', '--json'];
    const run = await cli.run(args, { env });
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(101);
    expect(lines.at(-1)).toMatchObject({ summary: true, total: 100, enrolled: 100, failed: 0 });
    expect(lines.slice(0, 100).every((line) => line.status === 'enrolled')).toBe(true);
    await expectEveryCodeVerifies(100);

    const again = await cli.run(args, { env });
    expect(again.code).toBe(0);
    expect(jsonLines(again.stdout).at(-1)).toMatchObject({ total: 100, enrolled: 0, alreadyEnrolled: 100 });
    expect(usersWithPrefix('bulk')).toHaveLength(100);
  });

  it('resumes a run whose process was killed halfway: no duplicates and no lost user', async () => {
    // Slow factor calls, so the kill lands in the middle of enrolments.
    sim.faults.add({ kind: 'latency', ms: 40, path: '/api/v1/users/*/factors**' });
    const args = ['admin', 'okta', 'enroll', '--org', sim.okta.url, '--count', '24', '--prefix', 'killed', '--concurrency', '4', '--json'];
    const finishedBeforeKill = await new Promise<number>((done, fail) => {
      // node itself (not the tsx wrapper, which would leave its child running) so SIGKILL stops the run.
      const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...cli.env, ...env } });
      let out = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.split('\n').filter(Boolean).length >= 6) child.kill('SIGKILL');
      });
      child.on('error', fail);
      child.on('exit', (_code, signal) => {
        clearTimeout(timer);
        if (signal !== 'SIGKILL') fail(new Error(`the run ended before it was killed: ${out}`));
        else done(out.split('\n').filter(Boolean).length);
      });
    });
    // Users may finish (and be recorded) between the lines read here and the kill landing.
    const before = await cli.openVault();
    const savedBeforeResume = Object.values(runsIn(before.read())).flatMap((byLogin) => Object.values(byLogin)).filter((record) => record.step === 'saved').length;
    before.close();
    expect(finishedBeforeKill).toBeGreaterThanOrEqual(6);
    expect(savedBeforeResume).toBeGreaterThanOrEqual(finishedBeforeKill);
    expect(savedBeforeResume).toBeLessThan(24);
    sim.faults.clear();

    const resumed = await cli.run(['admin', 'okta', 'enroll', '--org', sim.okta.url, '--resume', '--json'], { env });
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    const summary = jsonLines(resumed.stdout).at(-1);
    expect(summary).toMatchObject({ failed: 0 });
    expect(Number(summary?.total)).toBe(24 - savedBeforeResume);

    const users = usersWithPrefix('killed');
    expect(users).toHaveLength(24);
    const org = sim.state.okta();
    for (const user of users) {
      const totp = org?.userFactors(user.id).filter((factor) => factor.factorType === 'token:software:totp') ?? [];
      expect(totp.map((factor) => factor.status), user.profile.login).toEqual(['ACTIVE']);
    }
    await expectEveryCodeVerifies(24);
  });

  it('records a user whose activation failed, with the step, and --resume finishes it', async () => {
    sim.faults.add({ kind: 'status', status: 503, method: 'POST', path: '/api/v1/users/*/factors/*/lifecycle/activate', times: 1 });
    const first = await cli.run(['admin', 'okta', 'enroll', '--org', sim.okta.url, '--count', '1', '--prefix', 'flaky', '--json'], { env });
    expect(first.code).toBe(1);
    expect(jsonLines(first.stdout)[0]).toMatchObject({ login: 'flaky-1@example.com', status: 'failed', failedStep: 'activate', userId: expect.any(String), factorId: expect.any(String) });
    expect(first.stderr).toBe(`1 of 1 users did not finish (each is recorded with the step that failed). To continue, run: traykey admin okta enroll --org ${sim.okta.url} --resume\n`);
    const resumed = await cli.run(['admin', 'okta', 'enroll', '--org', sim.okta.url, '--resume', '--json'], { env });
    expect(resumed.code).toBe(0);
    expect(jsonLines(resumed.stdout)[0]).toMatchObject({ login: 'flaky-1@example.com', status: 'enrolled' });
    expect(usersWithPrefix('flaky')).toHaveLength(1);
    await expectEveryCodeVerifies(1);
  });

  it('cleans up only after --yes names the count of the users it lists, and removes their accounts', async () => {
    await cli.run(['admin', 'okta', 'enroll', '--org', sim.okta.url, '--count', '2', '--prefix', 'gone', '--json'], { env });
    const listed = await cli.run(['admin', 'okta', 'cleanup', '--org', sim.okta.url], { env });
    expect(listed.code).toBe(1);
    expect(listed.stderr).toContain('  delete user gone-1@example.com\n  delete user gone-2@example.com\n');
    expect(listed.stderr).toContain(`Nothing was changed. To go ahead, run: traykey admin okta cleanup --org ${sim.okta.url} --yes 2\n`);
    const miscounted = await cli.run(['admin', 'okta', 'cleanup', '--org', sim.okta.url, '--yes', '3'], { env });
    expect(miscounted.code).toBe(1);
    expect(miscounted.stderr).toContain('--yes 3 does not match the 2 users listed, so nothing was changed.');
    expect(usersWithPrefix('gone')).toHaveLength(2);
    const done = await cli.run(['admin', 'okta', 'cleanup', '--org', sim.okta.url, '--yes', '2'], { env });
    expect(done.code).toBe(0);
    expect(done.stdout).toBe('gone-1@example.com\tdeleted\ngone-2@example.com\tdeleted\n');
    expect(usersWithPrefix('gone')).toHaveLength(0);
    const list = await cli.run(['list', '--json']);
    expect(JSON.parse(list.stdout)).toEqual([]);
  });
});
