import type { ImportPreviewEntry, ImportPreviewView } from '../../../shared/ipc/backup';
import type { AccountsService } from '../accounts/accounts-service';
import { displayName } from '../../../shared/account-names';
import type { ImportProblem, ImportResult } from './imported-account';

const nameKey = (a: { issuer: string; label: string }): string => `${a.issuer.trim().toLowerCase()}\u0000${a.label.trim().toLowerCase()}`;

function where(problem: ImportProblem): string {
  const at = problem.kind === 'line' ? `Line ${problem.number}` : `Entry ${problem.number}`;
  return problem.name ? `${at} (${problem.name})` : at;
}

/**
 * Lists what a read file would do to the stored accounts, account by account, without saving anything:
 * new, a duplicate of a stored account's secret, the name of a stored account with another secret, or a
 * repeat of an earlier account of the same file. The duplicate rule is the accounts service's own.
 */
export function previewImport(accounts: Pick<AccountsService, 'findDuplicate'>, name: string, result: ImportResult): ImportPreviewView {
  const seen = new Set<string>();
  const entries = result.accounts.map((account, index): ImportPreviewEntry => {
    const base = { index, issuer: account.issuer, label: account.label, type: account.type };
    const keys = [`s:${account.secret}`, `n:${nameKey(account)}`];
    if (keys.some((key) => seen.has(key))) return { ...base, status: 'repeat' };
    keys.forEach((key) => seen.add(key));
    const duplicate = accounts.findDuplicate(account);
    if (!duplicate) return { ...base, status: 'new' };
    return { ...base, status: duplicate.reason === 'secret' ? 'duplicate' : 'changed-secret', existing: displayName(duplicate.account) };
  });
  return { name, format: result.format, entries, problems: result.problems.map((problem) => ({ where: where(problem), reason: problem.reason })) };
}
