import { displayName } from '../accounts/stored-account';
import { batchLabel } from './classify-codes';
import type { ScannedFile } from './scan-image-files';
import type { ScannedAccount, ScannedCode } from './scanned-code';

/** One file in `traykey scan --json`: every code's text, the accounts they hold (no secrets), decode ms. */
export interface ScanJsonEntry {
  file: string;
  codes: string[];
  accounts: Array<{ issuer: string; label: string; type: string; algorithm: string; digits: number; period: number; counter?: number }>;
  ms: number;
}

function accountJson({ issuer, label, type, algorithm, digits, period, counter }: ScannedAccount): ScanJsonEntry['accounts'][number] {
  return { issuer, label, type, algorithm, digits, period, ...(type === 'hotp' ? { counter: counter ?? 0 } : {}) };
}

export function scanJson(files: readonly ScannedFile[]): ScanJsonEntry[] {
  return files.map(({ file, codes, ms }) => ({
    file,
    codes: codes.map((c) => c.text),
    accounts: codes.flatMap((c) => (c.kind === 'otpauth' ? [c.account] : c.kind === 'migration' ? c.accounts : [])).map(accountJson),
    ms: Math.round(ms * 10) / 10,
  }));
}

function describeAccount(a: ScannedAccount): string {
  const kind = a.type === 'hotp' ? `hotp, ${a.algorithm}, ${a.digits} digits, counter ${a.counter ?? 0}` : `${a.type}, ${a.algorithm}, ${a.digits} digits, ${a.period} s`;
  return `${displayName(a)}: ${kind}`;
}

function describeCode(code: ScannedCode): string[] {
  switch (code.kind) {
    case 'otpauth':
      return [code.text, `  account ${describeAccount(code.account)}`];
    case 'migration':
      return [code.text, `  Google Authenticator transfer, code ${batchLabel(code.batch)}, ${code.accounts.length} accounts:`, ...code.accounts.map((a) => `  account ${describeAccount(a)}`)];
    case 'link':
      return [code.text, '  a web address, not an account'];
    case 'text':
      return [code.text, '  text, not an account'];
    case 'invalid':
      return [code.text, `  ${code.message}`];
  }
}

/** The human-readable report: per file, each code's text and the accounts it holds. */
export function scanText(files: readonly ScannedFile[]): string {
  return files
    .map(({ file, codes, ms }) => {
      const head = `${file}: ${codes.length === 0 ? 'no QR code' : codes.length === 1 ? '1 QR code' : `${codes.length} QR codes`} (${ms.toFixed(1)} ms)`;
      return [head, ...codes.flatMap(describeCode).map((line) => `  ${line}`)].join('\n');
    })
    .join('\n')
    .concat('\n');
}
