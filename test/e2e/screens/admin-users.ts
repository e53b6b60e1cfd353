/**
 * A connection and sixteen recorded test users for pictures of the Admin window, written straight
 * into the harness's vault (as a finished run would have left them) so ids and codes are the same
 * on every run and no org is needed.
 */
import type { Harness } from '../harness/harness';
import { testSecret } from '../harness/secrets';
import { ConnectionStore } from '../../../electron/core/admin/connection-store';
import { EnrolJournal } from '../../../electron/core/admin/enrol-journal';
import type { EnrolRecord } from '../../../electron/core/admin/enrol-record';

export const ADMIN_ORG = { name: 'Acme staging', url: 'https://acme-staging.okta.com' };

type Outcome = 'enrolled' | 'failed' | 'pending' | 'skipped';
const OUTCOMES: Outcome[] = ['enrolled', 'enrolled', 'enrolled', 'failed', 'enrolled', 'enrolled', 'enrolled', 'enrolled', 'skipped', 'enrolled', 'enrolled', 'failed', 'enrolled', 'enrolled', 'pending', 'enrolled'];

/** Saves the connection (untested: nothing is contacted) and returns its id. */
export async function seedAdminConnection(harness: Harness, url = ADMIN_ORG.url): Promise<string> {
  const store = new ConnectionStore(harness.vault, harness.clock.now);
  const connection = await store.save({ provider: 'okta', url, name: ADMIN_ORG.name, okta: { apiToken: '00-screenshot-token-never-sent' } });
  return connection.id;
}

export async function seedTestUsers(harness: Harness, connectionId: string): Promise<void> {
  let next = 0;
  const journal = new EnrolJournal(harness.vault, connectionId, harness.clock.now, () => `shot-account-${++next}`);
  // One vault write for all of them, in table order (the journal saves what arrives together at once).
  const writes = OUTCOMES.map((outcome, index) => {
    const n = index + 1;
    const login = `qa-${n}@acme.test`;
    const base: EnrolRecord = { login, email: login, firstName: 'QA', lastName: `User ${n}`, groupIds: [], factorProvider: 'GOOGLE', step: 'pending', updatedAt: harness.clock.now() };
    const made = { userId: `00u${(1000 + n).toString(36)}acme`, ownership: outcome === 'skipped' ? ('existing' as const) : ('created' as const) };
    if (outcome === 'pending') return journal.write(base);
    if (outcome === 'skipped') return journal.write({ ...base, ...made, skipped: true });
    if (outcome === 'failed') return journal.write({ ...base, ...made, step: 'factor-enrolled', factorId: `uft${n}acme`, error: { step: 'activate', code: 'IDP_ERROR', message: 'Okta is unavailable (503); Retry failed continues this user.' } });
    return journal.write({ ...base, ...made, step: 'saved', factorId: `uft${n}acme` }, { issuer: ADMIN_ORG.name, label: login, secret: testSecret(200 + n), digits: 6, period: 30 });
  });
  await Promise.all(writes);
}
