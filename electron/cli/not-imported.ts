import { displayName } from '../../shared/account-names';
import { forTerminal } from './terminal-text';

/** One line per account an import left out, naming it and saying why; QR and backup imports both print these. */
export function notImportedText(skipped: readonly { issuer: string; label: string; reason: string }[]): string {
  return skipped.map((account) => `Not imported ${forTerminal(displayName(account))}: ${forTerminal(account.reason)}.\n`).join('');
}
