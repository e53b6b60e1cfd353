import { describe, expect, it } from 'vitest';
import { appError } from '../../../shared/errors';
import { EnrolJournal } from '../../../electron/core/admin/enrol-journal';
import { runEnrolment } from '../../../electron/core/admin/enrol-run';
import { runsIn } from '../../../electron/core/admin/enrol-record';
import { usersFromCount } from '../../../electron/core/admin/test-users';
import { accountsIn } from '../../../electron/core/accounts/stored-account';
import { MemoryVault } from '../accounts/memory-vault';
import { FakeOrg } from './fake-org';

const T0 = 1_700_000_000_000;
const noSleep = async () => undefined;

function setup(now = T0) {
  const org = new FakeOrg(now);
  const vault = new MemoryVault();
  const journal = new EnrolJournal(vault, 'okta-fake', () => org.nowMs);
  const run = (options: Partial<Parameters<typeof runEnrolment>[0]> = {}) =>
    runEnrolment({ provider: org.provider(), journal, users: usersFromCount(3, 'u', 'example.com'), concurrency: 2, sleep: noSleep, now: () => org.nowMs, ...options });
  return { org, vault, journal, run };
}

describe('the enrolment state machine', () => {
  it('takes each user through create, enrol, activate, verify and save, recording every step', async () => {
    const { org, vault, run } = setup();
    const steps: string[] = [];
    const summary = await run({ users: usersFromCount(1, 'u', 'example.com'), onEvent: (event) => event.kind === 'step' && steps.push(event.step) });
    expect(summary).toMatchObject({ total: 1, enrolled: 1, failed: 0 });
    expect(steps).toEqual(['created', 'factor-enrolled', 'activated', 'verified', 'saved']);
    expect(org.calls).toEqual(['findUser u-1@example.com', 'createUser u-1@example.com', 'enrolTotp u-1@example.com', 'activate u-1@example.com', 'verify u-1@example.com']);
    const [account] = accountsIn(vault.saved);
    expect(account).toMatchObject({ issuer: 'fake.example', label: 'u-1@example.com', tags: ['test-user', 'okta-fake'], type: 'totp', digits: 6, period: 30 });
    expect(runsIn(vault.saved)['okta-fake']?.['u-1@example.com']).toMatchObject({ step: 'saved', accountId: account?.id, userId: 'u1' });
  });

  it('verifies with the time step after the activation, since a code works only once', async () => {
    const { org, run } = setup(T0 - (T0 % 30_000) + 29_000);
    const summary = await run({ users: usersFromCount(1, 'u', 'example.com') });
    expect(summary.enrolled).toBe(1);
    expect([...(org.userById('u1')?.factors[0]?.usedSteps ?? [])]).toHaveLength(2);
  });

  it('records the secret before activation, and a failed activation with its step; --resume reuses the pending factor', async () => {
    const { org, vault, run } = setup();
    org.breakNext = [{ call: 'activate', error: appError('IDP_ERROR', 'Okta is having a moment.') }];
    const first = await run({ users: usersFromCount(1, 'u', 'example.com') });
    expect(first.results[0]).toMatchObject({ status: 'failed', step: 'activate', error: 'Okta is having a moment.', userId: 'u1' });
    const record = runsIn(vault.saved)['okta-fake']?.['u-1@example.com'];
    expect(record).toMatchObject({ step: 'factor-enrolled', secret: expect.stringMatching(/^[A-Z2-7]+$/), error: { step: 'activate', message: 'Okta is having a moment.' } });

    const resumed = await run({ users: [], resume: true });
    expect(resumed).toMatchObject({ total: 1, enrolled: 1, failed: 0 });
    expect(org.countCalls('createUser')).toBe(1);
    expect(org.countCalls('enrolTotp')).toBe(1);
    expect(org.userById('u1')?.factors).toHaveLength(1);
  });

  it('resumes a run killed between steps without duplicates and without losing a user', async () => {
    const { org, vault, run } = setup();
    const controller = new AbortController();
    org.killAfter = { login: 'u-2@example.com', call: 'activate', controller };
    const killed = await run({ concurrency: 1, signal: controller.signal });
    expect(killed).toMatchObject({ enrolled: 1, failed: 0, pending: 2, stopped: { interrupted: true } });
    const records = runsIn(vault.saved)['okta-fake'] ?? {};
    expect(Object.keys(records).sort()).toEqual(['u-1@example.com', 'u-2@example.com', 'u-3@example.com']);
    expect(records['u-2@example.com']?.step).toBe('factor-enrolled');
    expect(records['u-3@example.com']).toMatchObject({ step: 'pending' });
    expect(records['u-3@example.com']?.error).toBeUndefined();

    org.nowMs += 60_000;
    const resumed = await run({ users: [], resume: true });
    expect(resumed).toMatchObject({ total: 2, enrolled: 2, failed: 0 });
    expect(org.users.size).toBe(3);
    expect([...org.users.values()].every((user) => user.factors.length === 1 && user.factors[0]?.active)).toBe(true);
    expect(accountsIn(vault.saved)).toHaveLength(3);
  });

  it('re-running with the same logins looks users up instead of creating them again', async () => {
    const { org, vault, run } = setup();
    await run();
    const again = await run();
    expect(again).toMatchObject({ total: 3, enrolled: 0, alreadyEnrolled: 3 });
    expect(org.countCalls('createUser')).toBe(3);
    expect(accountsIn(vault.saved)).toHaveLength(3);
  });

  it('leaves a user the org already has alone by default, and enrols it as existing only when told to', async () => {
    const { org, vault, run } = setup();
    const theirs = org.addUser('u-1@example.com', T0 - 86_400_000);
    const skipped = await run({ users: usersFromCount(1, 'u', 'example.com') });
    expect(skipped).toMatchObject({ skipped: 1, enrolled: 0, failed: 0 });
    expect(skipped.results[0]).toMatchObject({ status: 'skipped', ownership: 'existing', userId: theirs.id });
    expect(org.countCalls('createUser') + org.countCalls('enrolTotp')).toBe(0);

    const enrolled = await run({ users: usersFromCount(1, 'u', 'example.com'), existing: 'enrol' });
    expect(enrolled.results[0]).toMatchObject({ status: 'enrolled', ownership: 'existing' });
    expect(runsIn(vault.saved)['okta-fake']?.['u-1@example.com']).toMatchObject({ ownership: 'existing', userCreated: theirs.created });
  });

  it('claims a user only when its own create call, whose answer was lost, made it', async () => {
    const { org, vault, run } = setup();
    const controller = new AbortController();
    org.killAfter = { login: 'u-1@example.com', call: 'createUser', controller };
    await run({ users: usersFromCount(1, 'u', 'example.com'), signal: controller.signal });
    expect(runsIn(vault.saved)['okta-fake']?.['u-1@example.com']).toMatchObject({ step: 'pending', createSentAt: T0 });
    delete org.killAfter;
    const resumed = await run({ users: [], resume: true });
    expect(resumed.results[0]).toMatchObject({ status: 'enrolled', ownership: 'created' });
    expect(org.countCalls('createUser')).toBe(1);
  });

  it('stops the whole run at a failure every user would share, with its sentence, and the untouched users stay pending', async () => {
    const { org, vault, run } = setup();
    org.breakNext = [{ call: 'createUser', error: appError('IDP_ERROR', 'The API token was rejected.', { providerCode: 'E0000011' }) }];
    const summary = await run({ concurrency: 1 });
    expect(summary.stopped?.error).toMatchObject({ message: 'The API token was rejected.' });
    expect(summary).toMatchObject({ total: 3, failed: 0, pending: 3 });
    expect(org.countCalls('createUser')).toBe(1);
    const records = Object.values(runsIn(vault.saved)['okta-fake'] ?? {});
    expect(records).toHaveLength(3);
    expect(records.filter((record) => record.error)).toHaveLength(1);
  });

  it('tries the next time step once when the org refuses the code itself', async () => {
    const { org, run } = setup();
    org.breakNext = [{ call: 'verify', error: appError('IDP_ERROR', 'replayed', { providerCode: 'E0000082' }) }];
    const summary = await run({ users: usersFromCount(1, 'u', 'example.com'), sleep: async (ms) => void (org.nowMs += ms) });
    expect(summary.enrolled).toBe(1);
    expect(org.countCalls('verify')).toBe(2);
  });

  it('groups concurrent record writes into fewer vault saves', async () => {
    const { vault, run } = setup();
    await run({ users: usersFromCount(20, 'u', 'example.com'), concurrency: 20 });
    // 20 users × (start + 5 steps) writes, one save each would be 120.
    expect(vault.saves).toBeLessThan(60);
  });

  it('refuses a concurrency outside 1 to 64', async () => {
    const { run } = setup();
    await expect(run({ concurrency: 0 })).rejects.toThrow('Concurrency must be a whole number from 1 to 64.');
  });
});
