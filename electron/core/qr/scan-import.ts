import { publicViewOf, type OtpAccount } from '../../../shared/accounts';
import type { PreviewAccount, PreviewCode } from '../../../shared/ipc/scan';
import { saveImported, type AccountsWriter, type SaveReport } from '../accounts/save-imported';
import type { DuplicatePolicy } from '../backup/merge-plan';
import type { ScannedCode } from './scanned-code';

/** The accounts service as scanning uses it: its duplicate rule, and inserts/replaces through the accounts room's saveImported. */
export type ScanAccounts = AccountsWriter;

export interface KeyedAccount {
  /** "code index:account index", stable for the same list of texts. */
  key: string;
  account: OtpAccount;
}

export function keyedAccounts(codes: readonly ScannedCode[]): KeyedAccount[] {
  return codes.flatMap((code, c) => {
    const accounts = code.kind === 'otpauth' ? [code.account] : code.kind === 'migration' ? code.accounts : [];
    return accounts.map((account, a) => ({ key: `${c}:${a}`, account }));
  });
}

function preview(accounts: ScanAccounts, { key, account }: KeyedAccount): PreviewAccount {
  const duplicate = accounts.findDuplicate(account)?.account;
  return {
    key,
    ...publicViewOf(account),
    duplicateOf: duplicate ? { id: duplicate.id, issuer: duplicate.issuer, label: duplicate.label } : null,
  };
}

/** What each classified code holds, for the renderer: accounts without secrets, their duplicates, links and text. */
export function previewCodes(codes: readonly ScannedCode[], accounts: ScanAccounts): PreviewCode[] {
  const keyed = keyedAccounts(codes);
  return codes.map((code, index): PreviewCode => {
    const found = () => keyed.filter((k) => k.key.startsWith(`${index}:`)).map((k) => preview(accounts, k));
    switch (code.kind) {
      case 'otpauth':
        return { kind: 'otpauth', index, accounts: found() };
      case 'migration':
        return { kind: 'migration', index, batch: code.batch, accounts: found() };
      case 'invalid':
        return { kind: 'invalid', index, message: code.message };
      case 'sync-pairing':
        return { kind: 'sync-pairing', index, words: code.words };
      default:
        return { kind: code.kind, index, text: code.text };
    }
  });
}

export interface ImportChoices {
  /** Keys the user left out. */
  skip?: readonly string[];
  /** Duplicates to replace; every other duplicate is skipped. */
  replace?: readonly string[];
}

export interface ImportCounts {
  added: number;
  replaced: number;
  skipped: number;
}

export interface ImportReport extends ImportCounts {
  /** The accounts not saved, each with the reason (never the secret). */
  notImported: SaveReport['skipped'];
}

/**
 * Saves the accounts of scanned codes with the importers' duplicate rules: one policy for all (the
 * CLI's --on-duplicate) or the scan view's per-account choices. Every account is added, replaced or skipped.
 */
export async function importScannedCodes(accounts: ScanAccounts, codes: readonly ScannedCode[], choice: DuplicatePolicy | ImportChoices): Promise<ImportReport> {
  const keyed = keyedAccounts(codes);
  const batches: Array<[DuplicatePolicy, KeyedAccount[]]> =
    typeof choice === 'string'
      ? [[choice, keyed]]
      : (() => {
          const skip = new Set(choice.skip ?? []), replace = new Set(choice.replace ?? []);
          const chosen = keyed.filter((k) => !skip.has(k.key));
          return [['replace', chosen.filter((k) => replace.has(k.key))], ['skip', chosen.filter((k) => !replace.has(k.key))]];
        })();
  const report: ImportReport = { added: 0, replaced: 0, skipped: 0, notImported: [] };
  for (const [policy, group] of batches) {
    if (group.length === 0) continue;
    const saved = await saveImported(accounts, group.map((k) => k.account), policy);
    report.added += saved.added;
    report.replaced += saved.replaced;
    report.notImported.push(...saved.skipped);
  }
  report.skipped = keyed.length - report.added - report.replaced;
  return report;
}
