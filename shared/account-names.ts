/**
 * How an account is named and found, the same in the popup and the CLI: one display name, one search
 * rule (the popup's filter), and the CLI's choice of the one account a query names built on it.
 */
import type { PublicOtpAccount } from './accounts';

type Named = Pick<PublicOtpAccount, 'issuer' | 'label'>;

/** "Issuer (label)", or the label alone when the account names no issuer. */
export function displayName(account: Named): string {
  return account.issuer ? `${account.issuer} (${account.label})` : account.label;
}

/** Case and accents do not matter: "CAFÉ" and "cafe" fold to the same text. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

function words(query: string): string[] {
  return fold(query).split(/\s+/).filter((word) => word !== '');
}

/**
 * The search rule: every word of the query appears somewhere in the issuer or the label, ignoring case
 * and accents, in any order. A query with no words matches every account.
 */
export function matchesQuery(account: Named, query: string): boolean {
  const haystack = fold(`${account.issuer} ${account.label}`);
  return words(query).every((word) => haystack.includes(word));
}

/**
 * The accounts a query names, for commands that act on one account: an account whose label or
 * "issuer:label" is the query itself (ignoring case and accents) wins on its own, so a name that is
 * part of another name can still be picked; otherwise every account the search rule matches. A query
 * with no words names none.
 */
export function accountsNamed<T extends Named>(accounts: readonly T[], query: string): T[] {
  const wanted = fold(query.trim());
  if (words(wanted).length === 0) return [];
  const exact = accounts.filter((a) => fold(a.label) === wanted || fold(`${a.issuer}:${a.label}`) === wanted);
  if (exact.length > 0) return exact;
  return accounts.filter((a) => matchesQuery(a, query));
}
