import type { AccountSummary } from '../../../shared/accounts';
import type { AccountsService } from '../accounts/accounts-service';

/**
 * The names an org goes by in authenticator apps: its host, the host's first label
 * (`dev-123456` of dev-123456.okta.com, what Okta writes as the issuer) and its last path segment.
 */
function orgNames(orgUrl: string): Set<string> {
  const url = new URL(orgUrl);
  const names = new Set([url.host.toLowerCase(), url.hostname.toLowerCase(), (url.hostname.split('.')[0] ?? '').toLowerCase()]);
  const lastSegment = url.pathname.split('/').filter(Boolean).at(-1);
  if (lastSegment) names.add(lastSegment.toLowerCase());
  names.delete('');
  return names;
}

function labelLogin(label: string): string {
  const colon = label.lastIndexOf(':');
  return (colon >= 0 ? label.slice(colon + 1) : label).trim().toLowerCase();
}

/** The time-based accounts in the vault for this login at this org (label = login, issuer = the org). */
export function totpAccountsFor(accounts: AccountsService, login: string, orgUrl: string): AccountSummary[] {
  const names = orgNames(orgUrl);
  const wanted = login.trim().toLowerCase();
  return accounts.list().filter((account) => account.type === 'totp' && labelLogin(account.label) === wanted && names.has(account.issuer.trim().toLowerCase()));
}
