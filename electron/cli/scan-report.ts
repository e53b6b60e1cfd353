import { publicViewOf, type OtpAccount, type PublicOtpAccount } from '../../shared/accounts';
import { displayName } from '../../shared/account-names';
import { batchLabel } from '../core/qr/classify-codes';
import type { ScannedFile } from '../core/qr/scan-image-files';
import type { ScannedCode } from '../core/qr/scanned-code';

/**
 * One file in `traykey scan --json`: the codes' texts, the accounts they hold (no secrets), decode ms.
 * Texts of codes that hold secrets (otpauth, transfer, sync pairing, and unusable ones) are left out
 * unless `reveal` is set, so a scan printed to a terminal or a log does not spill secrets.
 */
export interface ScanJsonEntry {
  file: string;
  codes: string[];
  accounts: PublicOtpAccount[];
  ms: number;
}

export interface ScanReportOptions {
  /** Print the full text of codes that hold secrets. */
  reveal?: boolean;
}

const holdsSecrets = (code: ScannedCode) => code.kind === 'otpauth' || code.kind === 'migration' || code.kind === 'invalid' || code.kind === 'sync-pairing';

export function scanJson(files: readonly ScannedFile[], { reveal = false }: ScanReportOptions = {}): ScanJsonEntry[] {
  return files.map(({ file, codes, ms }) => ({
    file,
    codes: codes.filter((c) => reveal || !holdsSecrets(c)).map((c) => c.text),
    accounts: codes.flatMap((c) => (c.kind === 'otpauth' ? [c.account] : c.kind === 'migration' ? c.accounts : [])).map(publicViewOf),
    ms: Math.round(ms * 10) / 10,
  }));
}

function describeAccount(a: OtpAccount): string {
  const kind = a.type === 'hotp' ? `hotp, ${a.algorithm}, ${a.digits} digits, counter ${a.counter ?? 0}` : `${a.type}, ${a.algorithm}, ${a.digits} digits, ${a.period} s`;
  return `${displayName(a)}: ${kind}`;
}

function describeCode(code: ScannedCode, reveal: boolean): string[] {
  const text = reveal || !holdsSecrets(code) ? [code.text] : [];
  const indent = text.length > 0 ? '  ' : '';
  switch (code.kind) {
    case 'otpauth':
      return [...text, `${indent}account ${describeAccount(code.account)}`];
    case 'migration':
      return [...text, `${indent}Google Authenticator transfer, code ${batchLabel(code.batch)}, ${code.accounts.length} accounts:`, ...code.accounts.map((a) => `${indent}  account ${describeAccount(a)}`)];
    case 'link':
      return [...text, '  a web address, not an account'];
    case 'text':
      return [...text, '  text, not an account'];
    case 'sync-pairing':
      return [...text, `${indent}a sync pairing code from another computer: run traykey sync join --folder DIR and type its six words`];
    case 'invalid':
      return [...text, `${indent}${code.message}`];
  }
}

/** The human-readable report: per file, the accounts each code holds (and, with `reveal`, its full text). */
export function scanText(files: readonly ScannedFile[], { reveal = false }: ScanReportOptions = {}): string {
  return files
    .map(({ file, codes, ms }) => {
      const head = `${file}: ${codes.length === 0 ? 'no QR code' : codes.length === 1 ? '1 QR code' : `${codes.length} QR codes`} (${ms.toFixed(1)} ms)`;
      return [head, ...codes.flatMap((code) => describeCode(code, reveal)).map((line) => `  ${line}`)].join('\n');
    })
    .join('\n')
    .concat('\n');
}
