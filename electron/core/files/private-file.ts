import { constants } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { appError } from '../../../shared/errors';
import { writeFileAtomic } from '../vault/atomic-write';

export interface PrivateFileOptions {
  /** The person chose to replace an existing file; without it an existing file is refused. */
  replace: boolean;
  /** The form field or command-line option that named the file, so the error points at it. */
  field: string;
}

const why = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? 'unknown error';

/**
 * Writes a file that holds secrets readable by the owner only (mode 0600). Without `replace` an
 * existing file is refused and left as it was; with it the new content takes its place atomically.
 */
export async function writePrivateFile(file: string, content: Uint8Array | string, { replace, field }: PrivateFileOptions): Promise<void> {
  try {
    if (replace) await writeFileAtomic(file, typeof content === 'string' ? Buffer.from(content) : content, { mode: 0o600 });
    else await writeFile(file, content, { mode: 0o600, flag: constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw appError('INVALID_INPUT', `There is already a file at ${file}, so nothing was written over it: give a new file name.`, { field });
    throw appError('INVALID_INPUT', `The file cannot be written to ${file} (${why(error)}).`, { field });
  }
}
