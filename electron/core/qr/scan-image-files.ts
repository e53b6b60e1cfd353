import { readFile } from 'node:fs/promises';
import { appError } from '../../../shared/errors';
import { decodeQrCodes, OversizeImageError, UnreadableImageError } from '../../../shared/qr/decode-qr';
import { classifyCode } from './classify-codes';
import { prepareNodeQrEngine } from './node-engine';
import type { ScannedCode } from './scanned-code';

export interface ScannedFile {
  file: string;
  codes: ScannedCode[];
  /** Decode time of this file in milliseconds (reading it from disk excluded). */
  ms: number;
}

export function isPngOrJpeg(bytes: Uint8Array): boolean {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return png.every((b, i) => bytes[i] === b) || (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff);
}

/**
 * Decodes image files with the renderer's decoder. The file's bytes go straight to ZXing-C++, whose
 * own PNG/JPEG reader measured several times faster than decoding with pngjs first and handing pixels over.
 */
export async function scanImageFile(path: string): Promise<ScannedFile> {
  const name = path;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw appError('INVALID_INPUT', `Cannot read ${name}: check that the file exists and that you may read it.`, { field: 'file' });
  }
  if (!isPngOrJpeg(bytes)) throw appError('INVALID_INPUT', `${name} is not a PNG or JPEG image.`, { field: 'file' });
  await prepareNodeQrEngine();
  const started = performance.now();
  let texts: string[];
  try {
    texts = (await decodeQrCodes(bytes)).map((found) => found.text);
  } catch (error) {
    if (error instanceof OversizeImageError) throw appError('INVALID_INPUT', `${name} was not read: ${error.message}. Crop it to the QR code, or take a smaller screenshot.`, { field: 'file' });
    if (error instanceof UnreadableImageError) throw appError('INVALID_INPUT', `${name} could not be decoded: the image is damaged or incomplete.`, { field: 'file' });
    throw error;
  }
  const ms = performance.now() - started;
  return { file: path, codes: texts.map((text) => classifyCode(text)), ms };
}

export async function scanImageFiles(paths: readonly string[]): Promise<ScannedFile[]> {
  const scanned: ScannedFile[] = [];
  for (const path of paths) scanned.push(await scanImageFile(path));
  return scanned;
}
