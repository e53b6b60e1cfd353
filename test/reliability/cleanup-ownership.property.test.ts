import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appError } from '../../shared/errors';
import { cleanUp, cleanupPlan } from '../../electron/core/admin/cleanup';
import { EnrolJournal } from '../../electron/core/admin/enrol-journal';
import { runEnrolment } from '../../electron/core/admin/enrol-run';
import { usersFromCount } from '../../electron/core/admin/test-users';
import { MemoryVault } from '../unit/accounts/memory-vault';
import { FakeOrg } from '../unit/admin/fake-org';

/*
 * Whatever mix of users the org already has, however runs crash and resume, and whatever others do to
 * the users in between, clean-up deletes only users Traykey's own create call made, and only while
 * they still have the id, login and creation time Traykey recorded.
 */
const T0 = 1_700_000_000_000;
const DAY_MS = 86_400_000;
/** Others act on the org at least this long after Traykey's last create call (the window a lost create is claimed in). */
const OTHERS_LATER_MS = 150_000;

type Action =
  | { kind: 'run'; existing: 'skip' | 'enrol' | 'fail'; kill?: { user: number; call: 'createUser' | 'enrolTotp' | 'activate' | 'verify' } }
  | { kind: 'lost-answer'; user: number; existing: 'skip' | 'enrol' | 'fail' }
  | { kind: 'resume'; existing: 'skip' | 'enrol' | 'fail' }
  | { kind: 'others'; user: number; change: 'delete' | 'recreate' | 'rename' | 'restamp' | 'create' }
  | { kind: 'cleanup'; includeExisting: boolean };

const policy = fc.constantFrom('skip' as const, 'enrol' as const, 'fail' as const);
const action = (users: number): fc.Arbitrary<Action> =>
  fc.oneof(
    fc.record({ kind: fc.constant('run' as const), existing: policy, kill: fc.option(fc.record({ user: fc.nat(users - 1), call: fc.constantFrom('createUser' as const, 'enrolTotp' as const, 'activate' as const, 'verify' as const) }), { nil: undefined }) }),
    fc.record({ kind: fc.constant('lost-answer' as const), user: fc.nat(users - 1), existing: policy }),
    fc.record({ kind: fc.constant('resume' as const), existing: policy }),
    fc.record({ kind: fc.constant('others' as const), user: fc.nat(users - 1), change: fc.constantFrom('delete' as const, 'recreate' as const, 'rename' as const, 'restamp' as const, 'create' as const) }),
    fc.record({ kind: fc.constant('cleanup' as const), includeExisting: fc.boolean() }),
  );
const scenario = fc.integer({ min: 1, max: 5 }).chain((users) =>
  fc.record({ preExisting: fc.array(fc.boolean(), { minLength: users, maxLength: users }), actions: fc.array(action(users), { minLength: 1, maxLength: 8 }) }),
);

async function play(preExisting: boolean[], actions: Action[]): Promise<void> {
  const org = new FakeOrg(T0);
  const vault = new MemoryVault();
  const journal = new EnrolJournal(vault, 'okta-fake', () => org.nowMs);
  const users = usersFromCount(preExisting.length, 'u', 'example.com');
  /** What Traykey's create calls made, as they made it: the only users clean-up may delete. */
  const madeByTraykey = new Map<string, { login: string; created: string }>();
  const wrongDeletions: string[] = [];
  preExisting.forEach((exists, index) => exists && org.addUser(users[index]!.login, T0 - DAY_MS));

  const provider = () => {
    const base = org.provider();
    return {
      ...base,
      async createUser(record: Parameters<typeof base.createUser>[0], signal?: AbortSignal) {
        const before = new Set(org.users.keys());
        try {
          return await base.createUser(record, signal);
        } finally {
          for (const user of org.users.values()) if (!before.has(user.id)) madeByTraykey.set(user.id, { login: user.login, created: user.created });
        }
      },
      async deleteUser(userId: string, signal?: AbortSignal) {
        // Noted, not thrown: clean-up would report a thrown error as a failed deletion and go on.
        const user = org.userById(userId);
        const made = madeByTraykey.get(userId);
        if (!made) wrongDeletions.push(`${user?.login ?? userId}, which Traykey did not create`);
        else if (!user || user.login !== made.login || user.created !== made.created) wrongDeletions.push(`${user?.login ?? userId}, which changed since Traykey created it`);
        return base.deleteUser(userId, signal);
      },
    };
  };
  const enrol = (options: Partial<Parameters<typeof runEnrolment>[0]>) =>
    runEnrolment({ provider: provider(), journal, users, concurrency: 2, sleep: async (ms) => void (org.nowMs += ms), now: () => org.nowMs, ...options }).catch((error: unknown) => {
      // Resuming when nothing is left to resume is the one refusal expected here.
      if ((error as { code?: string }).code !== 'NOT_FOUND') throw error;
    });

  for (const step of actions) {
    org.nowMs += 31_000;
    const login = 'user' in step ? users[step.user]!.login : '';
    switch (step.kind) {
      case 'run': {
        const controller = new AbortController();
        if (step.kill) org.killAfter = { login: users[step.kill.user]!.login, call: step.kill.call, controller };
        await enrol({ existing: step.existing, signal: controller.signal });
        delete org.killAfter;
        break;
      }
      case 'lost-answer':
        // The create call's answer never arrives (the org may or may not have acted).
        org.breakNext = [{ call: 'createUser', error: appError('NETWORK', 'lost') }];
        await enrol({ existing: step.existing, users: [users[step.user]!] });
        org.breakNext = [];
        break;
      case 'resume':
        await enrol({ existing: step.existing, users: [], resume: true });
        break;
      case 'others': {
        org.nowMs += OTHERS_LATER_MS;
        const user = [...org.users.values()].find((entry) => entry.login === login);
        if (step.change === 'create' && !user) org.addUser(login);
        if (!user) break;
        if (step.change === 'delete') org.users.delete(user.id);
        if (step.change === 'recreate') {
          org.users.delete(user.id);
          org.addUser(login);
        }
        if (step.change === 'rename') user.login = `renamed-${user.login}`;
        if (step.change === 'restamp') user.created = new Date(org.nowMs).toISOString();
        break;
      }
      case 'cleanup': {
        const plan = cleanupPlan(journal, { includeExisting: step.includeExisting });
        await cleanUp(provider(), journal, plan.items);
        break;
      }
    }
  }
  // Whatever is left, a final clean-up with everything included keeps the same promise.
  await cleanUp(provider(), journal, cleanupPlan(journal, { includeExisting: true }).items);
  expect(wrongDeletions).toEqual([]);
}

describe('clean-up and ownership under crashes, resumes and changes by others', () => {
  it('never deletes a user Traykey did not create, nor one whose id, login or creation time changed', { timeout: 60_000 }, async () => {
    await fc.assert(fc.asyncProperty(scenario, ({ preExisting, actions }) => play(preExisting, actions)), { numRuns: 300 });
  });
});
