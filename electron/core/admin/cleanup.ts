import { isAppError } from '../../../shared/errors';
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
    else if (record.ownership === 'existing') leftAlone.push({ login: record.login, reason: record.factorId !== undefined ? `${EXISTING}; --include-existing removes the factor Traykey enrolled` : EXISTING });
    else leftAlone.push({ login: record.login, reason: 'Traykey never created this user' });
  }
  return { items, leftAlone };
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
