import { chmod, writeFile } from 'node:fs/promises';
import { appError } from '../../shared/errors';
import { qrPngBytes } from '../core/transfer/qr-image';

/** The files hold secrets: readable by their owner only. */
const SECRET_FILE_MODE = 0o600;

/** Writes TEXT as a QR code PNG that only its owner may read. */
export async function writeSecretPng(file: string, text: string): Promise<void> {
  const bytes = await qrPngBytes(text);
  try {
    await writeFile(file, bytes, { mode: SECRET_FILE_MODE });
    // `mode` applies only when the file is created: an overwritten file keeps its old permissions otherwise.
    await chmod(file, SECRET_FILE_MODE);
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? 'an unknown error';
    throw appError('INVALID_INPUT', `Cannot write ${file} (${why}); check that its folder exists and you may write there.`, { field: 'out' });
  }
}
