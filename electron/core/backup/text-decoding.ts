import { appError } from '../../../shared/errors';
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/ipc/backup';

/** Largest file any importer reads; exports from the supported apps are far smaller. */
export const MAX_IMPORT_BYTES = MAX_IMPORT_FILE_BYTES;

/** Decodes UTF-8 (dropping a byte-order mark), failing with a sentence instead of replacement characters. */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw appError('INVALID_INPUT', `The ${what} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB, far more than any authenticator export: it is not a file Traykey can import.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw appError('INVALID_INPUT', `The ${what} is not UTF-8 text: it is damaged or a binary file.`);
  }
}
