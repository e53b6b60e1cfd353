import type { StoredAccount } from './stored-account';

/**
 * The accounts a CLI query names: a case-insensitive substring of issuer or label, except that an
 * account whose label (or "issuer:label") equals the query exactly wins on its own.
 */
export function matchAccounts(accounts: readonly StoredAccount[], query: string): StoredAccount[] {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return [];
  const exact = accounts.filter((a) => a.label.toLowerCase() === wanted || `${a.issuer}:${a.label}`.toLowerCase() === wanted);
  if (exact.length > 0) return exact;
  return accounts.filter((a) => a.issuer.toLowerCase().includes(wanted) || a.label.toLowerCase().includes(wanted));
}
