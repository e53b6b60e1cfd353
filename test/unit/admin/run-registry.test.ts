import { describe, expect, it } from 'vitest';
import type { RunStatusView } from '../../../shared/ipc/admin';
import { EnrolJournal } from '../../../electron/core/admin/enrol-journal';
import { runsIn } from '../../../electron/core/admin/enrol-record';
import { RunRegistry } from '../../../electron/core/admin/run-registry';
import { usersFromCount } from '../../../electron/core/admin/test-users';
import { MemoryVault } from '../accounts/memory-vault';
import { FakeOrg } from './fake-org';
import { tempHome } from '../../support/temp-home';

const T0 = 1_700_000_000_000;

async function finished(registry: RunRegistry, runId: string): Promise<RunStatusView> {
  for (;;) {
    const status = registry.status(runId);
    if (status?.state !== 'running') return status as RunStatusView;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('runs started from the Admin window', () => {
  it('Cancel stops a run with every user recorded and says how to continue; Retry failed then finishes them', async () => {
    const lockDir = await tempHome('runs');
    const org = new FakeOrg(T0);
    const vault = new MemoryVault();
    const journal = new EnrolJournal(vault, 'okta-fake', () => org.nowMs);
    const registry = new RunRegistry(lockDir);
    const options = { provider: org.provider(), journal, concurrency: 1, now: () => org.nowMs, sleep: async () => undefined };

    const started = await registry.start('okta-fake', 'Fake org', { ...options, users: usersFromCount(3, 'u', 'example.com') });
    expect(registry.cancel(started.runId)?.state).toBe('running');
    const stopped = await finished(registry, started.runId);
    expect(stopped.state).toBe('stopped');
    expect(stopped.error).toBe('You cancelled the run. 3 users are still pending: Retry failed continues them.');
    expect(Object.keys(runsIn(vault.saved)['okta-fake'] ?? {}).sort()).toEqual(['u-1@example.com', 'u-2@example.com', 'u-3@example.com']);

    const retried = await registry.start('okta-fake', 'Fake org', { ...options, users: [], resume: true });
    expect(await finished(registry, retried.runId)).toMatchObject({ state: 'done', done: 3, failed: 0 });
  });

  it('Cancel of a finished run changes nothing, and an unknown run is not found', async () => {
    const lockDir = await tempHome('runs');
    const org = new FakeOrg(T0);
    const journal = new EnrolJournal(new MemoryVault(), 'okta-fake', () => org.nowMs);
    const registry = new RunRegistry(lockDir);
    const started = await registry.start('okta-fake', 'Fake org', { provider: org.provider(), journal, concurrency: 2, users: usersFromCount(2, 'u', 'example.com'), now: () => org.nowMs, sleep: async () => undefined });
    const done = await finished(registry, started.runId);
    expect(done).toMatchObject({ state: 'done', done: 2 });
    expect(registry.cancel(started.runId)).toEqual(done);
    expect(registry.cancel('no-such-run')).toBeUndefined();
  });
});
