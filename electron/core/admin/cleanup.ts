import { appError, isAppError } from '../../../shared/errors';
import type { AdminProvider } from './admin-provider';
import type { EnrolJournal } from './enrol-journal';
import type { EnrolRecord } from './enrol-record';
import { madeByLostCreate, stillAsLeft } from './ownership';

/** What clean-up does to one recorded user: delete a user Traykey created, or remove the factor it enrolled on an existing user. */
export type CleanupAction = 'delete-user' | 'remove-factor';

export interface CleanupItem {
  login: string;
  action: CleanupAction;
  userId?: string;
}

/** A recorded user clean-up leaves alone, and why (shown with the list). */
export interface LeftAlone {
  login: string;
  reason: string;
  /** Its record says nothing clean-up could act on, so forgetting it (forgetRecords) loses nothing the org needs. */
  forgettable: boolean;
}

export interface CleanupPlan {
  items: CleanupItem[];
  leftAlone: LeftAlone[];
}

export type CleanupStatus = 'deleted' | 'factor-removed' | 'already-gone' | 'kept' | 'failed';

export interface CleanupResult {
  login: string;
  action: CleanupAction;
  status: CleanupStatus;
  /** Why the user was kept, or why the call failed. */
  error?: string;
}

const EXISTING = 'Traykey did not create this user, so clean-up never deletes it';
/** Records saved by a Traykey from before runs noted who made each user have a user id but no ownership. */
const OWNER_UNKNOWN = 'its record is older than Traykey\'s note of who made each user, so clean-up cannot tell whether Traykey created it and never deletes it: if it is a test user, delete it in the org\'s admin console; forgetting the record leaves the org untouched';
const NEVER_CREATED = 'Traykey never created this user; forgetting the record leaves the org untouched';

/**
 * What clean-up would act on, from this connection's records alone: users Traykey created (or whose
 * create call Traykey sent and never saw answered), and with `includeExisting` the factors Traykey
 * enrolled on existing users. Nothing else is ever acted on.
 */
export function cleanupPlan(journal: EnrolJournal, options: { includeExisting?: boolean } = {}): CleanupPlan {
  const items: CleanupItem[] = [];
  const leftAlone: LeftAlone[] = [];
  for (const record of journal.records()) {
    const id = record.userId ? { userId: record.userId } : {};
    if (record.ownership === 'created') items.push({ login: record.login, action: 'delete-user', ...id });
    else if (record.ownership === undefined && record.createSentAt !== undefined) items.push({ login: record.login, action: 'delete-user' });
    else if (record.ownership === 'existing' && record.factorId !== undefined && options.includeExisting) items.push({ login: record.login, action: 'remove-factor', ...id });
    else if (record.ownership === 'existing') leftAlone.push({ login: record.login, reason: record.factorId !== undefined ? `${EXISTING}; --include-existing removes the factor Traykey enrolled` : EXISTING, forgettable: false });
    else leftAlone.push({ login: record.login, reason: record.userId !== undefined ? OWNER_UNKNOWN : NEVER_CREATED, forgettable: true });
  }
  return { items, leftAlone };
}

/**
 * Forgets run records clean-up can do nothing with (no ownership noted), without a call to the org.
 * The accounts they saved stay in the list: the user may still exist and be in use. Refuses, changing
 * nothing, when a login has no such record.
 */
export async function forgetRecords(journal: EnrolJournal, logins: readonly string[]): Promise<number> {
  const forgettable = new Set(cleanupPlan(journal).leftAlone.filter((entry) => entry.forgettable).map((entry) => entry.login.toLowerCase()));
  const refused = logins.filter((login) => !forgettable.has(login.toLowerCase()));
  if (refused.length > 0) {
    throw appError('INVALID_INPUT', `Only records whose owner Traykey never noted can be forgotten, and ${refused.map((login) => JSON.stringify(login)).join(', ')} ${refused.length === 1 ? 'is' : 'are'} not one: nothing was forgotten.`, { field: 'logins' });
  }
  const unique = [...new Set(logins.map((login) => login.toLowerCase()))];
  await journal.forget(unique, { keepAccounts: true });
  return unique.length;
}

/**
 * Acts on each planned user after checking it is still as Traykey left it (same id and login, same
 * creation time where recorded): a user that changed is kept and reported. Users and factors that are
 * gone are forgotten (records and saved accounts); a failure stays recorded so cleaning up again retries it.
 */
export async function cleanUp(provider: AdminProvider, journal: EnrolJournal, items: CleanupItem[], signal?: AbortSignal): Promise<CleanupResult[]> {
  const results: CleanupResult[] = [];
  for (const item of items) {
    const record = journal.find(item.login);
    if (!record) continue;
    try {
      results.push({ login: item.login, action: item.action, ...(item.action === 'delete-user' ? await deleteCreated(provider, record, signal) : await removeFactor(provider, record, signal)) });
    } catch (error) {
      if (signal?.aborted) throw error;
      results.push({ login: item.login, action: item.action, status: 'failed', error: isAppError(error) ? error.message : 'The org did not answer as expected.' });
    }
  }
  await journal.forget(results.filter((result) => result.status !== 'kept' && result.status !== 'failed').map((result) => result.login));
  return results;
}

async function deleteCreated(provider: AdminProvider, record: EnrolRecord, signal?: AbortSignal): Promise<Pick<CleanupResult, 'status' | 'error'>> {
  if (record.userId === undefined) {
    // Only the create call's own user: found by login and made in the moments after the call was sent.
    const found = await provider.findUser(record.login, signal);
    if (!found) return { status: 'already-gone' };
    if (!madeByLostCreate(record, found)) return { status: 'kept', error: 'a user of this login exists that Traykey did not create' };
    await provider.deleteUser(found.id, signal);
    return { status: 'deleted' };
  }
  const user = await provider.getUser(record.userId, signal);
  if (!user) return { status: 'already-gone' };
  if (!stillAsLeft(record, user)) return { status: 'kept', error: 'its login or creation time changed since Traykey created it' };
  await provider.deleteUser(user.id, signal);
  return { status: 'deleted' };
}

async function removeFactor(provider: AdminProvider, record: EnrolRecord, signal?: AbortSignal): Promise<Pick<CleanupResult, 'status' | 'error'>> {
  if (record.userId === undefined || record.factorId === undefined) return { status: 'already-gone' };
  const user = await provider.getUser(record.userId, signal);
  if (!user) return { status: 'already-gone' };
  if (!stillAsLeft(record, user)) return { status: 'kept', error: 'its login or creation time changed since Traykey enrolled the factor' };
  try {
    await provider.resetFactor({ ...record, userId: record.userId }, record.factorId, signal);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return { status: 'already-gone' };
    throw error;
  }
  return { status: 'factor-removed' };
}
