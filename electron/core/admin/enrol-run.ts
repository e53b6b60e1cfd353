import { appError } from '../../../shared/errors';
import type { Sleep } from '../idp/http/rate-gate';
import { defaultSleep } from '../idp/http/sleep';
import type { AdminProvider } from './admin-provider';
import type { EnrolJournal } from './enrol-journal';
import { isFinished, type EnrolRecord } from './enrol-record';
import { enrolUser } from './enrol-user';
import { generatePassword } from './password';
import type { TestUserSpec } from './test-users';

export type UserStatus = 'enrolled' | 'already-enrolled' | 'failed';

/** One user's outcome; secret and password are only filled in when the caller asked to show them. */
export interface UserResult {
  login: string;
  userId?: string;
  factorId?: string;
  status: UserStatus;
  step: string;
  error?: string;
  secret?: string;
  password?: string;
}

export interface RunSummary {
  total: number;
  enrolled: number;
  alreadyEnrolled: number;
  failed: number;
  wallMs: number;
  results: UserResult[];
}

export type EnrolEvent = { kind: 'start'; total: number } | { kind: 'step'; login: string; step: string } | { kind: 'user'; result: UserResult; done: number; total: number };

export interface EnrolRunOptions {
  provider: AdminProvider;
  journal: EnrolJournal;
  /** The users to enrol; with `resume`, leave empty to take every unfinished record. */
  users: TestUserSpec[];
  resume?: boolean;
  /** Generate and store a password for each new user (always, where the provider needs one). */
  withPassword: boolean;
  groupIds?: string[];
  factorProvider?: 'GOOGLE' | 'OKTA';
  concurrency: number;
  /** The users already exist (enrolling a factor for them): never create one, and clean-up leaves them. */
  existingUsers?: boolean;
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
  // Bad credentials or an unreachable org: one sentence for the whole run (every user is recorded for --resume).
  if (fatal) throw fatal.error;
  const results = slots.filter((result): result is UserResult => result !== undefined);
  return {
    total: results.length,
    enrolled: results.filter((result) => result.status === 'enrolled').length,
    alreadyEnrolled: results.filter((result) => result.status === 'already-enrolled').length,
    failed: results.filter((result) => result.status === 'failed').length,
    wallMs: now() - started,
    results,
  };
}

/** The records to work on: the recorded state of each named login, or new records; with resume alone, the unfinished ones. */
function plan(options: EnrolRunOptions, at: number): EnrolRecord[] {
  const known = new Map(options.journal.records().map((record) => [record.login.toLowerCase(), record]));
  if (options.users.length === 0) {
    if (!options.resume) throw appError('INVALID_INPUT', 'Say which users to enrol: --count N (with --prefix) or --csv FILE, or --resume to finish the last run.');
    const unfinished = [...known.values()].filter((record) => !isFinished(record));
    if (unfinished.length === 0) throw appError('NOT_FOUND', 'Nothing to resume: every recorded test user of this connection is enrolled.');
    return unfinished;
  }
  const seen = new Set<string>();
  return options.users.flatMap((user) => {
    const key = user.login.toLowerCase();
    if (seen.has(key)) return [];
    seen.add(key);
    const recorded = known.get(key);
    if (recorded) return [recorded];
    const needsPassword = options.withPassword || options.provider.needsPassword;
    const record: EnrolRecord = {
      login: user.login,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      groupIds: options.groupIds ?? [],
      factorProvider: options.factorProvider ?? 'GOOGLE',
      step: 'pending',
      ...(options.existingUsers ? { existingUser: true } : {}),
      ...(user.password !== undefined ? { password: user.password } : needsPassword && !options.existingUsers ? { password: generatePassword() } : {}),
      updatedAt: at,
    };
    return [record];
  });
}

function resultOf(record: EnrolRecord, already: boolean, showSecrets: boolean): UserResult {
  const status: UserStatus = record.error || !isFinished(record) ? 'failed' : already ? 'already-enrolled' : 'enrolled';
  return {
    login: record.login,
    ...(record.userId ? { userId: record.userId } : {}),
    ...(record.factorId ? { factorId: record.factorId } : {}),
    status,
    step: record.error?.step ?? record.step,
    ...(record.error ? { error: record.error.message } : {}),
    ...(showSecrets && record.secret ? { secret: record.secret } : {}),
    ...(showSecrets && record.password ? { password: record.password } : {}),
  };
}
