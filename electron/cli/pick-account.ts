import type { AccountSummary } from '../../shared/accounts';
import { appError } from '../../shared/errors';
import type { AccountsService } from '../core/accounts/accounts-service';
import { displayName } from '../../shared/account-names';
import type { CliIo } from './context';
import { forTerminal } from './terminal-text';

/**
 * The one account a query names. None is an error; several are listed on stderr (one per line) before
 * the error, so the user can pick a more precise query.
 */
export function pickAccount(accounts: AccountsService, query: string, io: CliIo): AccountSummary {
  const matches = accounts.query(query);
  const [only] = matches;
  if (only && matches.length === 1) return only;
  if (matches.length === 0) throw appError('NOT_FOUND', `No account matches "${query}"; run \`traykey list\` to see them.`);
  for (const account of matches) io.stderr(`${forTerminal(displayName(account))}\n`);
  throw appError('AMBIGUOUS', `"${query}" matches ${matches.length} accounts (listed above); use more of the issuer or name.`);
}
