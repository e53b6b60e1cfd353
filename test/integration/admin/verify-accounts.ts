import { accountsIn } from '../../../electron/core/accounts/stored-account';
import { runsIn } from '../../../electron/core/admin/enrol-record';
import { codeForStep, timeStep } from '../../../electron/core/otp/codes';
import type { Vault } from '../../../electron/core/vault/vault';

export interface StoredTestUser {
  login: string;
  userId: string;
  factorId: string;
  secret: string;
  tags: string[];
}

/** Each saved test account with the ids its run record holds. */
export function storedTestUsers(vault: Vault): StoredTestUser[] {
  const doc = vault.read();
  const records = Object.values(runsIn(doc)).flatMap((byLogin) => Object.values(byLogin));
  return accountsIn(doc)
    .filter((account) => account.tags.includes('test-user'))
    .map((account) => {
      const record = records.find((entry) => entry.accountId === account.id);
      if (!record?.userId || !record.factorId) throw new Error(`no run record for ${account.label}`);
      return { login: account.label, userId: record.userId, factorId: record.factorId, secret: account.secret, tags: account.tags };
    });
}

/** The code a stored secret gives at `atMs` (what `traykey code` prints at that moment). */
export function codeAt(secret: string, atMs: number): string {
  return codeForStep({ type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, secret }, timeStep(atMs, 30));
}
