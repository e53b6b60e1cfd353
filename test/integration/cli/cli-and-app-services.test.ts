import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app-core';
import { jsonPolicyFile } from '../../../electron/core/policy/linux-policy-file';
import { readPolicy } from '../../../electron/core/policy/policy-service';
import { callThrough } from '../../support/ipc-call';
import { ManualTimers } from '../../support/fake-timers';
import { tempHome } from '../../support/temp-home';
import { cliInTempHome } from '../../unit/cli/run-cli';
import { LOGIN, suiteSimulator } from '../push/push-sim';

/**
 * The CLI and the app build their services with one composition (electron/core/compose-services.ts):
 * the same policy, the same push and sync services over the same data folder. The app's core then
 * starts its background work; the CLI starts nothing unless a command asks.
 */
const env = suiteSimulator();
const OTHER_ORG = 'https://other.okta.com';

async function policyFile(policy: unknown): Promise<string> {
  const file = join(await tempHome('policy'), 'policy.json');
  await writeFile(file, JSON.stringify(policy));
  return file;
}

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

/** The app's core over the CLI's data folder, with the policy read from the same file; `push` given, it polls as the app does. */
async function appCore(cli: Awaited<ReturnType<typeof cliInTempHome>>, file: string, extra: { timers?: ManualTimers; push?: object } = {}): Promise<Core> {
  core = createCore({ vault: await cli.openVault(), home: cli.home, policy: await readPolicy([jsonPolicyFile(file)]), timers: extra.timers ?? new ManualTimers(), watchVault: false, ...(extra.push ? { push: extra.push } : {}) });
  return core;
}

/** The delays `timers` holds once a first poll of the simulator has come back and scheduled the next (bounded: 10 s). */
async function nextPollScheduled(timers: ManualTimers): Promise<number[]> {
  for (const start = Date.now(); timers.pending().length === 0 && Date.now() - start < 10_000; ) await new Promise((resolve) => setImmediate(resolve));
  return timers.pending();
}

describe('the CLI and the app share one service composition', { timeout: 60_000 }, () => {
  it('an enrolment made through the CLI is the app’s enrolment, under the same policy file', async () => {
    const file = await policyFile({ pushOrgs: [{ url: env.sim.okta.url, clientId: env.sim.okta.oidcClientId, name: 'Acme' }], allowOtherPushOrgs: false });
    const cli = await cliInTempHome(Date.now, { policyFile: file });
    expect(await cli.run(['push', 'enroll', '--user', LOGIN], {}, `${env.password}\n`)).toMatchObject({ code: 0 });

    const call = callThrough(() => (core as Core).handlers);
    await appCore(cli, file);
    expect(await call('push:enrolments', {})).toEqual([expect.objectContaining({ org: env.sim.okta.url, username: LOGIN })]);
    expect(await call('push:setUp', {})).toMatchObject({ offers: [], otherOrgsAllowed: false });

    // The org the policy did not set up is refused by both, with the same sentence, before any sign-in.
    const refusedByCli = await cli.run(['push', 'enroll', '--org', OTHER_ORG, '--client-id', 'x', '--user', LOGIN], {}, '');
    expect(refusedByCli.code).toBe(1);
    await expect(call('push:enrol', { org: OTHER_ORG, clientId: 'x' })).rejects.toMatchObject({ code: 'MANAGED_BY_POLICY', message: refusedByCli.stderr.trim() });
  });

  it('a feature the policy file switches off is off in both', async () => {
    const file = await policyFile({ disabledFeatures: ['sync'] });
    const cli = await cliInTempHome(Date.now, { policyFile: file });
    const refusedByCli = await cli.run(['sync', 'status']);
    expect(refusedByCli.code).toBe(1);
    const call = callThrough(() => (core as Core).handlers);
    await appCore(cli, file);
    await expect(call('sync:status', {})).rejects.toMatchObject({ code: 'MANAGED_BY_POLICY', message: refusedByCli.stderr.trim() });
  });

  it('the CLI’s services start no timer, even with an enrolment to poll; the app’s core, built the same way, polls it by itself', async () => {
    const file = await policyFile({});
    const cli = await cliInTempHome(Date.now, { policyFile: file });
    expect(await cli.run(['push', 'enroll', '--org', env.sim.okta.url, '--client-id', env.sim.okta.oidcClientId, '--user', LOGIN], {}, `${env.password}\n`)).toMatchObject({ code: 0 });

    const timers = new ManualTimers();
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval'] });
    try {
      await cli.context({ timers }).withServices(async (services) => {
        expect(services.push.enrolments()).toHaveLength(1);
        // Neither on the timers given nor on the process's own: nothing was scheduled by building the services.
        expect(timers.pending()).toEqual([]);
        expect(vi.getTimerCount()).toBe(0);
        // A command that polls (push watch) starts it itself, on the timers it was given.
        services.push.start();
        expect(await nextPollScheduled(timers)).not.toEqual([]);
      });
      // The command over, its poll loop is stopped (the http client's own socket timers are not ours).
      expect(timers.pending()).toEqual([]);
    } finally {
      vi.useRealTimers();
    }

    const appTimers = new ManualTimers();
    await appCore(cli, file, { timers: appTimers, push: {} });
    expect(await nextPollScheduled(appTimers)).not.toEqual([]);
  });
});
