import { constants } from 'node:fs';
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { appError, isAppError } from '../../../shared/errors';
import { MAX_IMPORT_BYTES } from './text-decoding';

const why = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? 'unknown error';

/**
 * Writes a file that holds secrets readable by the owner only. Without `replace` an existing file is
 * refused; with it (the person chose to replace it) the new content takes its place atomically.
 */
export async function writePrivateFile(file: string, bytes: Uint8Array, { replace }: { replace: boolean }): Promise<void> {
  if (!replace) {
    try {
      await writeFile(file, bytes, { mode: 0o600, flag: constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw appError('INVALID_INPUT', `${file} already exists, so nothing was written over it.`, { field: 'file' });
      throw appError('INVALID_INPUT', `The file cannot be written to ${file} (${why(error)}).`, { field: 'file' });
    }
  }
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw appError('INVALID_INPUT', `The file cannot be written to ${file} (${why(error)}).`, { field: 'file' });
  }
}

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
