import { appError } from '../../../shared/errors';
import type { Sleep } from '../idp/http/rate-gate';
import { defaultSleep } from '../idp/http/sleep';
import type { AdminProvider } from './admin-provider';
import type { EnrolJournal } from './enrol-journal';
import { isFinished, recordStatus, type EnrolRecord } from './enrol-record';
import { enrolUser, type ExistingPolicy } from './enrol-user';
import { generatePassword } from './password';
import type { TestUserSpec } from './test-users';

export type UserStatus = 'enrolled' | 'already-enrolled' | 'failed' | 'skipped' | 'pending';

/** One user's outcome; secret and password are only filled in when the caller asked to show them. */
export interface UserResult {
  login: string;
  userId?: string;
  factorId?: string;
  /** Whether Traykey created the user or found it existing; unset when neither is known yet. */
  ownership?: 'created' | 'existing';
  status: UserStatus;
  step: string;
  /** Why the user failed, or why it was left alone. */
  error?: string;
  secret?: string;
  password?: string;
  recoveryCode?: string;
}

export interface RunSummary {
  total: number;
  enrolled: number;
  alreadyEnrolled: number;
  failed: number;
  skipped: number;
  /** Users of the run nobody worked on yet (the run stopped first); they stay pending for --resume. */
  pending: number;
  wallMs: number;
  results: UserResult[];
  /** Why the run stopped before every user was worked on: Ctrl-C, or a failure every user would share. */
  stopped?: { error: unknown; interrupted: boolean };
}

export type EnrolEvent = { kind: 'start'; total: number } | { kind: 'step'; login: string; step: string } | { kind: 'user'; result: UserResult; done: number; total: number };

export interface EnrolRunOptions {
  provider: AdminProvider;
  journal: EnrolJournal;
  /** The users to enrol; with `resume`, leave empty to take every unfinished record. */
  users: TestUserSpec[];
  resume?: boolean;
  /** The password of every user Traykey creates; default: a strong one generated per user. */
  password?: string;
  groupIds?: string[];
  factorProvider?: 'GOOGLE' | 'OKTA';
  concurrency: number;
  /** What to do with users the org already has (default: leave them alone). */
  existing?: ExistingPolicy;
  /** False for tools that work on existing users only: a missing user is an error, never created. */
  createMissing?: boolean;
  showSecrets?: boolean;
  now?: () => number;
  sleep?: Sleep;
  signal?: AbortSignal;
  onEvent?: (event: EnrolEvent) => void;
}

export const MAX_CONCURRENCY = 64;

/**
 * Enrols test users with a pool of `concurrency` workers. The org's pace is set by the idp layer's
 * rate-limit gates (shared by every worker), so the pool only bounds how many users are in flight.
 */
export async function runEnrolment(options: EnrolRunOptions): Promise<RunSummary> {
  const now = options.now ?? Date.now;
  const started = now();
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1 || options.concurrency > MAX_CONCURRENCY) {
    throw appError('INVALID_INPUT', `Concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}.`, { field: 'concurrency' });
  }
  const records = plan(options, now());
  const fresh = records.filter((record) => !isFinished(record));
  // Every user of the run is on disk before the first request, so an interrupted run loses none.
  await options.journal.writeAll(fresh);
  options.onEvent?.({ kind: 'start', total: records.length });

  const slots: (UserResult | undefined)[] = [];
  let next = 0;
  let done = 0;
  const finish = (index: number, record: EnrolRecord, already: boolean) => {
    const result = resultOf(record, already, options.showSecrets === true);
    slots[index] = result;
    done += 1;
    options.onEvent?.({ kind: 'user', result, done, total: records.length });
  };
  let fatal: { error: unknown } | undefined;
  const worker = async () => {
    while (next < records.length && !fatal) {
      const index = next++;
      const record = records[index]!;
      if (isFinished(record)) {
        finish(index, record, true);
        continue;
      }
      const final = await enrolUser(record, {
        provider: options.provider,
        journal: options.journal,
        existing: options.existing ?? 'skip',
        createMissing: options.createMissing ?? true,
        newPassword: () => options.password ?? generatePassword(),
        sleep: options.sleep ?? defaultSleep,
        ...(options.signal ? { signal: options.signal } : {}),
        onStep: (changed) => options.onEvent?.({ kind: 'step', login: changed.login, step: changed.step }),
      }).catch((error: unknown) => {
        fatal ??= { error };
        return undefined;
      });
      if (final) finish(index, final, false);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, Math.max(1, records.length)) }, worker));
  const results = slots.filter((result): result is UserResult => result !== undefined);
  const count = (status: UserStatus) => results.filter((result) => result.status === status).length;
  return {
    total: fatal ? records.length : results.length,
    enrolled: count('enrolled'),
    alreadyEnrolled: count('already-enrolled'),
    failed: count('failed'),
    skipped: count('skipped'),
    pending: records.length - results.length,
    wallMs: now() - started,
    results,
    // Ctrl-C, bad credentials or an unreachable org: every user is recorded, so --resume continues the run.
    ...(fatal ? { stopped: { error: fatal.error, interrupted: options.signal?.aborted === true } } : {}),
  };
}

/** The records to work on: the recorded state of each named login, or new records; with resume alone, the unfinished ones. */
function plan(options: EnrolRunOptions, at: number): EnrolRecord[] {
  const known = new Map(options.journal.records().map((record) => [record.login.toLowerCase(), record]));
  if (options.users.length === 0) {
    if (!options.resume) throw appError('INVALID_INPUT', 'Say which users to enrol: --count N (with --prefix) or --csv FILE, or --resume to finish the last run.');
    // Users left alone stay so unless this run is told to enrol existing users.
    const unfinished = [...known.values()].filter((record) => !isFinished(record) && (!record.skipped || options.existing === 'enrol'));
    if (unfinished.length === 0) throw appError('NOT_FOUND', 'Nothing to resume: every recorded test user of this connection is enrolled or was left alone.');
    return unfinished;
  }
  const seen = new Set<string>();
  return options.users.flatMap((user) => {
    const key = user.login.toLowerCase();
    if (seen.has(key)) return [];
    seen.add(key);
    const recorded = known.get(key);
    if (recorded) return [recorded];
    const record: EnrolRecord = {
      login: user.login,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      groupIds: options.groupIds ?? [],
      factorProvider: options.factorProvider ?? 'GOOGLE',
      step: 'pending',
      ...(user.password !== undefined ? { password: user.password } : {}),
      updatedAt: at,
    };
    return [record];
  });
}

const LEFT_ALONE = 'already exists in the org and Traykey did not create it: left alone (--existing enrol enrols it).';

/** A record as results show it; `already` marks a user finished by an earlier run. */
export function resultOf(record: EnrolRecord, already: boolean, showSecrets: boolean): UserResult {
  const recorded = recordStatus(record);
  const status: UserStatus = recorded === 'enrolled' && already ? 'already-enrolled' : recorded;
  return {
    login: record.login,
    ...(record.userId ? { userId: record.userId } : {}),
    ...(record.factorId ? { factorId: record.factorId } : {}),
    ...(record.ownership ? { ownership: record.ownership } : {}),
    status,
    step: record.error?.step ?? record.step,
    ...(record.error ? { error: record.error.message } : status === 'skipped' ? { error: LEFT_ALONE } : {}),
    ...(showSecrets && record.secret ? { secret: record.secret } : {}),
    ...(showSecrets && record.password ? { password: record.password } : {}),
    ...(showSecrets && record.recoveryCode ? { recoveryCode: record.recoveryCode } : {}),
  };
}
