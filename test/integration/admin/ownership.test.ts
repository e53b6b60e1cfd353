import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runsIn } from '../../../electron/core/admin/enrol-record';
import { runLockDir } from '../../../electron/core/admin/run-lock';
import { connectionIdFor } from '../../../electron/core/admin/connection';
import { jsonLines, useSimAndCli } from './cli-harness';

const setup = useSimAndCli();

const okta = () => setup.sim.state.okta()!;
const oktaUser = (login: string) => [...okta().users.values()].find((user) => user.profile.login === login);

/** Bob (seeded with an Okta Verify push factor) was in the org before Traykey: someone else's user. */
function seededBob() {
  return oktaUser('bob@example.com')!;
}

const totpOf = (userId: string) => okta().userFactors(userId).filter((factor) => factor.factorType === 'token:software:totp');

async function csvOf(logins: string[]): Promise<string> {
  const path = join(setup.cli.home, 'users.csv');
  await writeFile(path, `${logins.join('\n')}\n`);
  return path;
}

describe('ownership of test users (Okta, simulator)', { timeout: 60_000 }, () => {
  it('leaves an existing user alone by default, says so, and clean-up never lists it', async () => {
    const bob = seededBob();
    const csv = await csvOf(['bob@example.com', 'new-1@example.com']);
    const run = await setup.cli.run(['admin', 'okta', 'enroll', '--org', setup.sim.okta.url, '--csv', csv, '--json'], { env: setup.oktaEnv });
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines[0]).toMatchObject({ login: 'bob@example.com', ownership: 'existing', status: 'skipped', userId: bob.id, note: expect.stringContaining('left alone') });
    expect(lines[1]).toMatchObject({ login: 'new-1@example.com', ownership: 'created', status: 'enrolled' });
    expect(totpOf(bob.id)).toHaveLength(0);

    const results = await setup.cli.run(['admin', 'okta', 'results', '--org', setup.sim.okta.url, '--format', 'csv']);
    expect(results.code).toBe(0);
    expect(results.stdout).toMatch(/^login,userId,factorId,ownership,status,step,error\n/);
    expect(results.stdout).toContain(`bob@example.com,${bob.id},,existing,skipped,`);

    const listed = await setup.cli.run(['admin', 'okta', 'cleanup', '--org', setup.sim.okta.url], { env: setup.oktaEnv });
    expect(listed.stderr).toContain('  leave bob@example.com: Traykey did not create this user, so clean-up never deletes it\n');
    expect(listed.stderr).toContain('acts on these 1 users');
    const done = await setup.cli.run(['admin', 'okta', 'cleanup', '--org', setup.sim.okta.url, '--yes', '1'], { env: setup.oktaEnv });
    expect(done.stdout).toBe('new-1@example.com\tdeleted\n');
    expect(oktaUser('bob@example.com')?.id).toBe(bob.id);
    expect(oktaUser('new-1@example.com')).toBeUndefined();
  });

  it('--existing enrol enrols an existing user as existing; --include-existing removes only that factor, never the user', async () => {
    const bob = seededBob();
    const run = await setup.cli.run(['admin', 'okta', 'enroll', '--org', setup.sim.okta.url, '--csv', await csvOf(['bob@example.com']), '--existing', 'enrol', '--json'], { env: setup.oktaEnv });
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout)[0]).toMatchObject({ login: 'bob@example.com', ownership: 'existing', status: 'enrolled' });
    expect(totpOf(bob.id).map((factor) => factor.status)).toEqual(['ACTIVE']);
    const pushFactors = okta().userFactors(bob.id).length - 1;

    const plain = await setup.cli.run(['admin', 'okta', 'cleanup', '--org', setup.sim.okta.url, '--yes', '1'], { env: setup.oktaEnv });
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('Traykey has nothing to clean up');
    const factorsToo = await setup.cli.run(['admin', 'okta', 'cleanup', '--org', setup.sim.okta.url, '--include-existing', '--yes', '1'], { env: setup.oktaEnv });
    expect(factorsToo.stderr).toContain('  remove the factor Traykey enrolled from bob@example.com (the user stays)\n');
    expect(factorsToo.stdout).toBe('bob@example.com\tfactor-removed\n');
    expect(oktaUser('bob@example.com')?.id).toBe(bob.id);
    expect(totpOf(bob.id)).toHaveLength(0);
    expect(okta().userFactors(bob.id)).toHaveLength(pushFactors);
  });

  it('--existing fail stops the run at the first existing user and touches nothing of it', async () => {
    const run = await setup.cli.run(['admin', 'okta', 'enroll', '--org', setup.sim.okta.url, '--csv', await csvOf(['bob@example.com']), '--existing', 'fail'], { env: setup.oktaEnv });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bob@example.com already exists in the org and Traykey did not create it; the run stopped (--existing fail)');
    expect(totpOf(seededBob().id)).toHaveLength(0);
  });

  it('keeps a user Traykey created whose login changed since, and says why', async () => {
    await setup.cli.run(['admin', 'okta', 'enroll', '--org', setup.sim.okta.url, '--count', '1', '--prefix', 'moved', '--json'], { env: setup.oktaEnv });
    const user = oktaUser('moved-1@example.com')!;
    user.profile.login = 'someone-else@example.com';
    const done = await setup.cli.run(['admin', 'okta', 'cleanup', '--org', setup.sim.okta.url, '--yes', '1'], { env: setup.oktaEnv });
    expect(done.stdout).toBe('moved-1@example.com\tkept\tits login or creation time changed since Traykey created it\n');
    expect(okta().users.has(user.id)).toBe(true);
  });

  it('refuses a second run on the same connection while one is running, and takes over the lock of a crashed one', async () => {
    const lockFile = join(runLockDir(setup.cli.home), `${connectionIdFor('okta', setup.sim.okta.url)}.lock`);
    const { hostname } = await import('node:os');
    // A run lock sits beside a vault (a data folder with locks and no vault is refused as a lost vault).
    expect((await setup.cli.run(['list'])).code).toBe(0);
    await import('node:fs/promises').then(({ mkdir }) => mkdir(runLockDir(setup.cli.home), { recursive: true }));
    await writeFile(lockFile, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: Date.now() }));
    const refused = await setup.cli.run(['admin', 'okta', 'enroll', '--org', setup.sim.okta.url, '--count', '1', '--prefix', 'lock'], { env: setup.oktaEnv });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Another Traykey run is working on 127\.0\.0\.1:\d+ \(process \d+, since .*\): wait for it to finish or stop it, then run this again\.\n$/);
    expect(oktaUser('lock-1@example.com')).toBeUndefined();

    // A pid no process has: the run that held the lock crashed.
    await writeFile(lockFile, JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), startedAt: Date.now() }));
    const after = await setup.cli.run(['admin', 'okta', 'enroll', '--org', setup.sim.okta.url, '--count', '1', '--prefix', 'lock', '--json'], { env: setup.oktaEnv });
    expect(after.code).toBe(0);
    await expect(import('node:fs/promises').then(({ access }) => access(lockFile))).rejects.toThrow();
  });

  it('Ctrl-C says what was done and the exact command that continues; untouched users stay pending', async () => {
    setup.sim.faults.add({ kind: 'latency', ms: 150, path: '/api/v1/users/*/factors**' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 600);
    const args = ['admin', 'okta', 'enroll', '--org', setup.sim.okta.url, '--count', '6', '--prefix', 'ctrlc', '--concurrency', '1'];
    const stopped = await setup.cli.run(args, { env: setup.oktaEnv, signal: controller.signal });
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(new RegExp(`Stopped by Ctrl-C\\. So far: \\d enrolled, 0 failed, [1-6] not finished \\(still pending\\); every user is recorded\\. To continue, run: traykey admin okta enroll --org ${setup.sim.okta.url.replace(/[.]/g, '\\.')} --resume\\n$`));
    const results = await setup.cli.run(['admin', 'okta', 'results', '--org', setup.sim.okta.url, '--format', 'json']);
    const statuses = jsonLines(results.stdout).map((line) => line.status);
    expect(statuses).not.toContain('failed');
    expect(statuses).toContain('pending');
    setup.sim.faults.clear();
    const resumed = await setup.cli.run(['admin', 'okta', 'enroll', '--org', setup.sim.okta.url, '--resume', '--json'], { env: setup.oktaEnv });
    expect(resumed.code).toBe(0);
    expect(jsonLines(resumed.stdout).at(-1)).toMatchObject({ failed: 0, pending: 0 });
  });

  it('a record older than ownership notes is listed with what the admin can do, and forget drops only the record', async () => {
    await setup.cli.run(['admin', 'okta', 'enroll', '--org', setup.sim.okta.url, '--count', '2', '--prefix', 'old', '--json'], { env: setup.oktaEnv });
    const connectionId = connectionIdFor('okta', setup.sim.okta.url);
    // What a Traykey from before ownership was recorded left in the vault: the same record without `ownership`.
    const vault = await setup.cli.openVault();
    await vault.update((doc) => {
      const runs = runsIn(doc);
      delete runs[connectionId]!['old-1@example.com']!.ownership;
      doc.adminRuns = runs;
    });
    vault.close();

    const listed = await setup.cli.run(['admin', 'okta', 'cleanup', '--org', setup.sim.okta.url], { env: setup.oktaEnv });
    expect(listed.stderr).toContain("  leave old-1@example.com: its record is older than Traykey's note of who made each user, so clean-up cannot tell whether Traykey created it and never deletes it: if it is a test user, delete it in the org's admin console; forgetting the record leaves the org untouched\n");
    expect(listed.stderr).toContain(`To forget that record (the org is not touched; saved accounts stay): traykey admin okta forget --org ${setup.sim.okta.url} old-1@example.com\n`);
    expect(listed.stderr).toContain('acts on these 1 users');

    const refused = await setup.cli.run(['admin', 'okta', 'forget', '--org', setup.sim.okta.url, 'old-1@example.com', 'old-2@example.com']);
    expect(refused).toMatchObject({ code: 1, stderr: 'Only records whose owner Traykey never noted can be forgotten, and "old-2@example.com" is not one: nothing was forgotten.\n' });
    const forgot = await setup.cli.run(['admin', 'okta', 'forget', '--org', setup.sim.okta.url, 'old-1@example.com']);
    expect(forgot).toEqual({ code: 0, stdout: 'Forgot 1 run record; nothing was changed in the org.\n', stderr: '' });

    const results = await setup.cli.run(['admin', 'okta', 'results', '--org', setup.sim.okta.url]);
    expect(results.stdout).toBe('old-2@example.com\tcreated\tenrolled\tsaved\n');
    expect(oktaUser('old-1@example.com')).toBeDefined();
    const accounts = JSON.parse((await setup.cli.run(['list', '--json'])).stdout) as { label: string }[];
    expect(accounts.map((account) => account.label).sort()).toEqual(['old-1@example.com', 'old-2@example.com']);
  });

  it('results read the vault only: no API token is needed', async () => {
    await setup.cli.run(['admin', 'okta', 'enroll', '--org', setup.sim.okta.url, '--count', '1', '--prefix', 'ro', '--json'], { env: setup.oktaEnv });
    const results = await setup.cli.run(['admin', 'okta', 'results', '--org', setup.sim.okta.url]);
    expect(results.stderr).toBe('');
    expect(results.stdout).toBe('ro-1@example.com\tcreated\tenrolled\tsaved\n');
  });
});

describe('ownership of test users (Auth0, simulator)', { timeout: 60_000 }, () => {
  const auth0Env = () => ({ AUTH0_CLIENT_ID: setup.sim.auth0.managementClientId, AUTH0_CLIENT_SECRET: setup.sim.auth0.managementClientSecret, AUTH0_APP_CLIENT_ID: setup.sim.auth0.clientId, AUTH0_APP_CLIENT_SECRET: setup.sim.auth0.clientSecret });

  it('leaves an existing user alone, and enroll-factor finds a user by username', async () => {
    // Both seeded in the tenant before Traykey: carol (username carol) and dave.
    const tenant = setup.sim.state.auth0()!;
    const csv = join(setup.cli.home, 'users.csv');
    await writeFile(csv, 'dave@example.com\n');
    const run = await setup.cli.run(['admin', 'auth0', 'enroll', '--domain', setup.sim.auth0.url, '--csv', csv, '--json'], { env: auth0Env() });
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout)[0]).toMatchObject({ login: 'dave@example.com', ownership: 'existing', status: 'skipped' });

    const carol = await setup.cli.run(['admin', 'auth0', 'enroll-factor', '--domain', setup.sim.auth0.url, '--login', 'carol', '--json'], { env: auth0Env(), stdin: 'Traykey-Demo-3\n' });
    expect(carol.stderr).toBe('');
    expect(jsonLines(carol.stdout)[0]).toMatchObject({ login: 'carol', ownership: 'existing', status: 'enrolled' });

    const cleanup = await setup.cli.run(['admin', 'auth0', 'cleanup', '--domain', setup.sim.auth0.url, '--yes', '1'], { env: auth0Env() });
    expect(cleanup.code).toBe(1);
    expect(cleanup.stderr).toContain('Traykey has nothing to clean up');
    expect(tenant.findUser('dave@example.com')).toBeDefined();
    expect(tenant.findUser('carol')).toBeDefined();
  });

  it('a lookup that finds nobody leaves no record', async () => {
    const run = await setup.cli.run(['admin', 'auth0', 'enroll-factor', '--domain', setup.sim.auth0.url, '--login', 'nobody'], { env: auth0Env(), stdin: 'x\n' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('There is no user nobody in the org: check the login.\n');
    const vault = await setup.cli.openVault();
    expect(Object.values(runsIn(vault.read())).flatMap((byLogin) => Object.keys(byLogin))).toEqual([]);
    vault.close();
  });
});
