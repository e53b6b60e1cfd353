import { isAppError } from '../../../shared/errors';
import type { AdminProvider } from './admin-provider';
import type { EnrolJournal } from './enrol-journal';

export interface CleanupCandidate {
  login: string;
  userId?: string;
}

export interface CleanupResult {
  login: string;
  status: 'deleted' | 'failed';
  error?: string;
}

/** The test users this connection created, as its run records know them. */
export function cleanupCandidates(journal: EnrolJournal): CleanupCandidate[] {
  return journal
    .records()
    .filter((record) => record.existingUser !== true)
    .map((record) => ({ login: record.login, ...(record.userId ? { userId: record.userId } : {}) }));
}

/**
 * Deactivates and deletes each user in the org, then forgets the ones that are gone (records and saved
 * accounts). A user that failed to delete stays recorded, so cleaning up again retries it.
 */
export async function cleanUp(provider: AdminProvider, journal: EnrolJournal, candidates: CleanupCandidate[], signal?: AbortSignal): Promise<CleanupResult[]> {
  const results: CleanupResult[] = [];
  for (const candidate of candidates) {
    try {
      // A record without a user id may still have created one just before an interruption.
      const userId = candidate.userId ?? (await provider.findUser(candidate.login, signal));
      if (userId) await provider.deleteUser(userId, signal);
      results.push({ login: candidate.login, status: 'deleted' });
    } catch (error) {
      if (signal?.aborted) throw error;
      results.push({ login: candidate.login, status: 'failed', error: isAppError(error) ? error.message : 'The user could not be deleted.' });
    }
  }
  await journal.forget(results.filter((result) => result.status === 'deleted').map((result) => result.login));
  return results;
}
