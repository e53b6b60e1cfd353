import type { AccountSummary } from '../../shared/accounts';

/**
 * The fresh list from main, keeping the current object for every account whose summary did not
 * change (and the current list when nothing did): the list reloads each time the popup shows, and
 * a new object would re-render its row.
 */
export function reuseUnchanged(current: AccountSummary[], fresh: AccountSummary[]): AccountSummary[] {
  const known = new Map(current.map((account) => [account.id, account]));
  const result = fresh.map((account) => {
    const old = known.get(account.id);
    return old && JSON.stringify(old) === JSON.stringify(account) ? old : account;
  });
  const same = result.length === current.length && result.every((account, index) => account === current[index]);
  return same ? current : result;
}
