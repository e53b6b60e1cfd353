import type { BackupAccount } from '../../../shared/accounts';
import { isAppError } from '../../../shared/errors';
import type { AccountsService } from './accounts-service';
import type { DuplicatePolicy } from '../backup/merge-plan';

export type AccountsWriter = Pick<AccountsService, 'findDuplicate' | 'insert' | 'replace'>;

export interface SaveReport {
  added: number;
  replaced: number;
  /** Accounts not saved, with the reason (never the secret). */
  skipped: Array<{ issuer: string; label: string; reason: string }>;
}

const nameKey = (a: BackupAccount): string => `${a.issuer.trim().toLowerCase()}\u0000${a.label.trim().toLowerCase()}`;

/**
 * Saves accounts from outside the vault (a backup, an export, scanned QR codes) through the accounts service. A duplicate (same secret, or same issuer and
 * name: the service's own rule) is left alone with `skip`, or takes the stored account's place (its
 * position in the list and its tags) with `replace`, unless it duplicates a second stored account too.
 * Repeats inside the imported file are saved once.
 */
export async function saveImported(accounts: AccountsWriter, imported: readonly BackupAccount[], policy: DuplicatePolicy): Promise<SaveReport> {
  const report: SaveReport = { added: 0, replaced: 0, skipped: [] };
  const skip = (a: BackupAccount, reason: string) => report.skipped.push({ issuer: a.issuer, label: a.label, reason });
  const seen = new Set<string>();
  for (const account of imported) {
    const keys = [`s:${account.secret}`, `n:${nameKey(account)}`];
    if (keys.some((k) => seen.has(k))) {
      skip(account, 'it appears earlier in the same file');
      continue;
    }
    keys.forEach((k) => seen.add(k));
    const duplicate = accounts.findDuplicate(account);
    if (duplicate === undefined) {
      await accounts.insert(account);
      report.added += 1;
    } else if (policy === 'skip') {
      skip(account, duplicate.reason === 'secret' ? 'an account with the same secret already exists' : 'an account with the same issuer and name already exists');
    } else {
      try {
        await accounts.replace(duplicate.account.id, account);
        report.replaced += 1;
      } catch (error) {
        if (!isAppError(error) || error.code !== 'DUPLICATE') throw error;
        skip(account, 'it duplicates more than one stored account');
      }
    }
  }
  return report;
}
