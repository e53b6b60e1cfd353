import type { BackupAccount } from '../../../shared/accounts';
import { normalizeBase32 } from '../otp/base32';

export const DUPLICATE_POLICIES = ['skip', 'replace'] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

/** The part of a stored account the planner compares against. */
export interface ExistingAccount {
  id: string;
  issuer: string;
  label: string;
  secret: string;
}

export interface MergePlan {
  add: BackupAccount[];
  replace: Array<{ id: string; account: BackupAccount }>;
  /** Imported accounts left out because they duplicate a stored one (skip) or an earlier one in the file. */
  skipped: Array<{ account: BackupAccount; reason: string }>;
}

const nameKey = (a: { issuer: string; label: string }): string => `${a.issuer.trim().toLowerCase()}\u0000${a.label.trim().toLowerCase()}`;
const secretKey = (secret: string): string => {
  const normalized = normalizeBase32(secret);
  return 'secret' in normalized ? normalized.secret : secret;
};

/**
 * Decides what an import does to the stored accounts, without touching them. An imported account
 * duplicates a stored one when it has the same secret, or the same issuer and label (ignoring case) —
 * the accounts service's rule; `replace` overwrites that stored account, `skip` leaves it alone.
 * Repeats inside the imported list are kept once.
 */
export function planMerge(existing: readonly ExistingAccount[], imported: readonly BackupAccount[], policy: DuplicatePolicy): MergePlan {
  const bySecret = new Map(existing.map((e) => [secretKey(e.secret), e] as const));
  const byName = new Map(existing.map((e) => [nameKey(e), e] as const));
  const seen = new Set<string>();
  const replaced = new Set<string>();
  const plan: MergePlan = { add: [], replace: [], skipped: [] };
  for (const account of imported) {
    const keys = [`s:${secretKey(account.secret)}`, `n:${nameKey(account)}`];
    if (keys.some((k) => seen.has(k))) {
      plan.skipped.push({ account, reason: 'it appears earlier in the same file' });
      continue;
    }
    keys.forEach((k) => seen.add(k));
    const match = bySecret.get(secretKey(account.secret)) ?? byName.get(nameKey(account));
    if (match === undefined) plan.add.push(account);
    else if (policy === 'skip') plan.skipped.push({ account, reason: 'an account with the same secret or the same issuer and name already exists' });
    else if (replaced.has(match.id)) plan.skipped.push({ account, reason: 'another imported account already replaces the same stored account' });
    else {
      replaced.add(match.id);
      plan.replace.push({ id: match.id, account });
    }
  }
  return plan;
}
