import { appError, isAppError } from '../../../shared/errors';
import { looksLikeAegis } from './aegis-import';
import type { BackupFormat } from './imported-account';
import { isJsonObject, parseJson } from './json-shape';
import { decodeUtf8 } from './text-decoding';
import { TRAYKEY_BACKUP_FORMAT } from './traykey-backup';
import { looksLikeTwoFas, twoFasIsEncrypted } from './twofas-import';
import { isUriListLine } from './uri-list';

export type DetectedBackup =
  | { format: 'uris'; encrypted: false; text: string }
  | { format: Exclude<BackupFormat, 'uris'>; encrypted: boolean; doc: unknown };

const WHAT = 'file';
const NOT_KNOWN = 'Traykey imports its own backups, Aegis and 2FAS exports, and text files of otpauth:// links, one a line.';

/** Names the format from the content alone (never the file name), or says why the file is none of them. */
export function detectBackup(bytes: Uint8Array): DetectedBackup {
  try {
    return detect(bytes);
  } catch (error) {
    // A broken or binary file may be any of the formats: say which ones Traykey would have taken.
    if (isAppError(error) && !error.message.includes(NOT_KNOWN)) throw appError(error.code, `${error.message} ${NOT_KNOWN}`);
    throw error;
  }
}

function detect(bytes: Uint8Array): DetectedBackup {
  const text = decodeUtf8(bytes, WHAT);
  const trimmed = text.trim();
  if (trimmed === '') throw appError('INVALID_INPUT', `The file is empty. ${NOT_KNOWN}`);
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const doc = parseJson(text, 'backup file');
    if (isJsonObject(doc)) {
      if (doc.format === TRAYKEY_BACKUP_FORMAT) return { format: 'traykey', encrypted: true, doc };
      if (looksLikeAegis(doc)) return { format: 'aegis', encrypted: typeof doc.db === 'string', doc };
      if (looksLikeTwoFas(doc)) return { format: '2fas', encrypted: twoFasIsEncrypted(doc), doc };
    }
    throw appError('INVALID_INPUT', `The file is JSON but not a Traykey, Aegis or 2FAS backup. ${NOT_KNOWN}`);
  }
  if (text.split(/\r\n|\r|\n/).some(isUriListLine)) return { format: 'uris', encrypted: false, text };
  throw appError('INVALID_INPUT', `The file is not a backup Traykey recognises. ${NOT_KNOWN}`);
}
