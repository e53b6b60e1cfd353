import { parseKeyUri } from '../otp/key-uri';
import { importAegis } from './aegis-import';
import { detectBackup, type DetectedBackup } from './detect-format';
import type { BackupFormat, ImportResult } from './imported-account';
import { parseJson } from './json-shape';
import { DEFAULT_KDF_LIMITS, type KdfLimits } from '../crypto/passphrase-kdf';
import { decodeUtf8 } from './text-decoding';
import { openTraykeyBackup } from './traykey-backup';
import { importTwoFas } from './twofas-import';
import { importUriList, type KeyUriParser } from './uri-list';

export interface ImportOptions {
  /** 'auto' (the default) reads the format from the content. */
  format?: BackupFormat | 'auto';
  passphrase?: string;
  /** Bounds on the key-derivation work a file may ask for; tests lower them. */
  limits?: KdfLimits;
  parseUri?: KeyUriParser;
}

/** Says what a file is and whether it needs a passphrase, without asking for one (for prompts). */
export function describeBackup(bytes: Uint8Array): { format: BackupFormat; encrypted: boolean } {
  const { format, encrypted } = detectBackup(bytes);
  return { format, encrypted };
}

const FORMAT_NAMES: Record<BackupFormat, string> = { traykey: 'Traykey', aegis: 'Aegis', '2fas': '2FAS', uris: 'otpauth:// link list' };

/** The user named the format: skip detection and let that importer say what is wrong, if anything. */
function forced(bytes: Uint8Array, format: BackupFormat): DetectedBackup {
  const text = decodeUtf8(bytes, 'file');
  if (format === 'uris') return { format, encrypted: false, text };
  return { format, encrypted: false, doc: parseJson(text, `${FORMAT_NAMES[format]} backup`) };
}

/**
 * Reads any supported backup or export into accounts (in their backup form) plus the entries it skipped. Any problem
 * with the file as a whole (wrong passphrase, damage, unknown format) is an AppError and nothing is
 * returned; problems with single entries are listed in `problems` and the other entries still come back.
 */
export async function importBackup(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const requested = options.format ?? 'auto';
  const detected = requested === 'auto' ? detectBackup(bytes) : forced(bytes, requested);
  const limits = options.limits ?? DEFAULT_KDF_LIMITS;
  switch (detected.format) {
    case 'uris':
      return { format: 'uris', encrypted: false, ...importUriList(detected.text, options.parseUri ?? parseKeyUri) };
    case 'traykey':
      return { format: 'traykey', encrypted: true, accounts: await openTraykeyBackup(detected.doc, options.passphrase, limits), problems: [] };
    case 'aegis':
      return { format: 'aegis', ...(await importAegis(detected.doc, options.passphrase, limits)) };
    case '2fas':
      return { format: '2fas', ...(await importTwoFas(detected.doc, options.passphrase)) };
  }
}
