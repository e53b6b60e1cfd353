import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareNodeQrEngine, scanImageFile } from '../../../electron/core/qr';
import { decodeQrCodes, OversizeImageError, UnreadableImageError } from '../../../shared/qr/decode-qr';
import { imageDimensions } from '../../../shared/qr/image-dimensions';
import { encodeJpeg, encodePng } from '../../bench/qr-corpus/encode';
import { suiteTempHome } from '../../support/temp-home';

/**
 * Issue 13: a 279 KB PNG of 16000×16000 used 847 MB and a 948 KB 30000×30000 one 1.8 GB, then was
 * called "damaged". The size comes from the header and an oversize image is refused before decoding.
 */
function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  // The CRC is not checked before the size is: a zero keeps the fixture small and obvious.
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
}

/** A PNG header declaring `width`×`height` grey pixels, with one small compressed row of data. */
function pngDeclaring(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(width + 1))), chunk('IEND', new Uint8Array())]);
}

/** A JPEG whose first frame header declares `width`×`height`, after an APP0 segment. */
function jpegDeclaring(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof0 = [0xff, 0xc0, 0x00, 0x0b, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0];
  return Uint8Array.from([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
}

const dir = suiteTempHome('qr-size');
beforeAll(async () => {
  await prepareNodeQrEngine();
});

describe('image sizes are read from the header before decoding', () => {
  it('reads PNG and JPEG dimensions, including real encoder output', () => {
    expect(imageDimensions(pngDeclaring(16_000, 16_000))).toEqual({ width: 16_000, height: 16_000 });
    expect(imageDimensions(jpegDeclaring(30_000, 30_000))).toEqual({ width: 30_000, height: 30_000 });
    const pixels = { data: new Uint8Array(40 * 30 * 4).fill(255), width: 40, height: 30 };
    expect(imageDimensions(encodePng(pixels))).toEqual({ width: 40, height: 30 });
    expect(imageDimensions(encodeJpeg(pixels, 90))).toEqual({ width: 40, height: 30 });
    expect(imageDimensions(Uint8Array.from([0x89, 0x50]))).toBeNull();
  });

  it('refuses a 16000×16000 PNG and a 30000×30000 JPEG with the true reason, not "damaged"', async () => {
    await expect(decodeQrCodes(pngDeclaring(16_000, 16_000))).rejects.toBeInstanceOf(OversizeImageError);
    const error = (await decodeQrCodes(jpegDeclaring(30_000, 30_000)).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(OversizeImageError);
    expect(error.message).toContain('30000×30000 pixels');
  });

  it('names the file and the size when the CLI scans one', async () => {
    const file = join(dir(), 'bomb.png');
    await writeFile(file, pngDeclaring(16_000, 16_000));
    const error = (await scanImageFile(file).catch((e: unknown) => e)) as Error & { code?: string };
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'file' });
    expect(error.message).toContain('16000×16000 pixels');
    expect(error.message).not.toContain('damaged');
  });

  it('still calls an image without a readable header unreadable', async () => {
    await expect(decodeQrCodes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).rejects.toBeInstanceOf(UnreadableImageError);
  });
});
