import type { BackupAccount, OtpAccount } from '../../../shared/accounts';
import { isAppError } from '../../../shared/errors';
import { checkAccountFields } from './account-fields';
import type { ImportedEntries, ImportProblem } from './imported-account';

/** An otpauth:// parser (electron/core/otp/key-uri.ts in the app); it throws, ideally an AppError, on a bad link. */
export type KeyUriParser = (uri: string) => OtpAccount;

const MAX_LINE = 4096;

export function isUriListLine(line: string): boolean {
  return /^otpauth:\/\//i.test(line.trim());
}

function readLine(line: string, number: number, parse: KeyUriParser): BackupAccount | ImportProblem {
  const problem = (reason: string): ImportProblem => ({ kind: 'line', number, reason });
  if (line.length > MAX_LINE) return problem(`it is longer than ${MAX_LINE} characters`);
  if (!isUriListLine(line)) return problem('it is not an otpauth:// link');
  let parsed: BackupAccount;
  try {
    parsed = parse(line);
  } catch (error) {
    // Only our own errors are known to keep secrets out of their messages.
    return problem(isAppError(error) ? error.message : 'it is not a valid otpauth:// link');
  }
  const checked = checkAccountFields(parsed);
  return checked.ok ? checked.account : problem(checked.reason);
}

/**
 * Reads a text file of otpauth:// links, one a line; blank lines and lines starting with # are skipped.
 * Good lines are imported even when others are bad; each bad line is reported with its number.
 */
export function importUriList(text: string, parse: KeyUriParser): ImportedEntries {
  const accounts: BackupAccount[] = [];
  const problems: ImportProblem[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const read = readLine(line, i + 1, parse);
    if ('reason' in read) problems.push(read);
    else accounts.push(read);
  });
  return { accounts, problems };
}
