import type { StoredAccount } from './stored-account';

export type DuplicateReason = 'secret' | 'name';

/** An existing account an incoming one duplicates: the same secret, or the same issuer and label. */
export function findDuplicateIn(
  accounts: readonly StoredAccount[],
  candidate: Pick<StoredAccount, 'secret' | 'issuer' | 'label'>,
): { account: StoredAccount; reason: DuplicateReason } | undefined {
  const bySecret = accounts.find((a) => a.secret === candidate.secret);
  if (bySecret) return { account: bySecret, reason: 'secret' };
  const issuer = candidate.issuer.trim().toLowerCase();
  const label = candidate.label.trim().toLowerCase();
  const byName = accounts.find((a) => a.issuer.trim().toLowerCase() === issuer && a.label.trim().toLowerCase() === label);
  return byName ? { account: byName, reason: 'name' } : undefined;
}
