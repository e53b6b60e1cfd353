import { readFile, stat } from 'node:fs/promises';
import { appError, isAppError } from '../../../shared/errors';
import { MAX_IMPORT_BYTES } from './text-decoding';

const why = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? 'unknown error';

/** Reads a file to import, refusing one too large to be an authenticator export before reading it. */
export async function readImportFile(file: string): Promise<Buffer> {
  try {
    if ((await stat(file)).size > MAX_IMPORT_BYTES) throw appError('INVALID_INPUT', `${file} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB: it is not an export Traykey can import.`);
    return await readFile(file);
  } catch (error) {
    if (isAppError(error)) throw error;
    throw appError('INVALID_INPUT', `${file} cannot be read (${why(error)}).`, { field: 'file' });
  }
}
