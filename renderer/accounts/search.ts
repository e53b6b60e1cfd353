import type { AccountSummary } from '../../shared/accounts';

/** Every word of the query must appear in the issuer or the label, ignoring case and accents. */
export function matchesQuery(account: Pick<AccountSummary, 'issuer' | 'label'>, query: string): boolean {
  const haystack = fold(`${account.issuer} ${account.label}`);
  return fold(query)
    .split(/\s+/)
    .filter((word) => word !== '')
    .every((word) => haystack.includes(word));
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}
