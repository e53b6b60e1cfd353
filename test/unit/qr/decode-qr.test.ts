import { beforeAll, describe, expect, it } from 'vitest';
import { prepareNodeQrEngine } from '../../../electron/core/qr';
import { decodeQrCodes, UnreadableImageError, type RgbaImage } from '../../../shared/qr/decode-qr';
import { encodeJpeg, encodePng } from '../../bench/qr-corpus/encode';
import { DARK, LIGHT, renderPage, type PlacedCode } from '../../bench/qr-corpus/page';
import { seededRandom } from '../../bench/qr-corpus/prng';
import { plainStyle } from '../../bench/qr-corpus/raster';

const uri = (n: number): string => `otpauth://totp/Issuer${n}:user${n}@example.com?secret=JBSWY3DPEHPK3PX${'ABCDEFGH'[n]}&issuer=Issuer${n}`;
const page = (codes: PlacedCode[], theme = LIGHT): RgbaImage => renderPage(900, 700, theme, codes, seededRandom(7));
const texts = async (source: Parameters<typeof decodeQrCodes>[0]): Promise<string[]> => (await decodeQrCodes(source)).map((f) => f.text).sort();

beforeAll(async () => {
  await prepareNodeQrEngine();
});

describe('decodeQrCodes', () => {
  it('finds every code on a page that shows several', async () => {
    const image = page([
      { text: uri(0), style: plainStyle(3), at: [0.02, 0.05] },
      { text: uri(1), style: plainStyle(4), at: [0.5, 0.1] },
      { text: uri(2), style: plainStyle(3), at: [0.3, 0.6] },
    ]);
    expect(await texts(image)).toEqual([uri(0), uri(1), uri(2)].sort());
  });

  it('finds a light-on-dark code on a dark page', async () => {
    expect(await texts(page([{ text: uri(3), style: plainStyle(4, { dark: [230, 230, 230], light: [25, 25, 25] }), at: [0.3, 0.2] }], DARK))).toEqual([uri(3)]);
  });

  it('finds a rotated code and a code with non-square modules, as a terminal prints them', async () => {
    const image = page([
      { text: uri(4), style: plainStyle(4, { rotation: 17 }), at: [0.02, 0.05] },
      { text: uri(5), style: plainStyle(6, { moduleHeight: 7.5, errorCorrection: 'L', margin: 2 }), at: [0.55, 0.2] },
    ]);
    expect(await texts(image)).toEqual([uri(4), uri(5)].sort());
  });

  it('finds a low-contrast code smoothed by zoom', async () => {
    expect(await texts(page([{ text: uri(6), style: plainStyle(3.75, { dark: [110, 110, 110], light: [180, 180, 180] }), at: [0.4, 0.3] }]))).toEqual([uri(6)]);
  });

  it('finds a brand-coloured code with a logo over its centre', async () => {
    const logo = { fraction: 0.2, colour: [230, 60, 50] as const };
    expect(await texts(page([{ text: uri(7), style: plainStyle(5, { dark: [26, 115, 232], errorCorrection: 'H', logo }), at: [0.3, 0.2] }]))).toEqual([uri(7)]);
  });

  it('invents nothing on a busy page without a code', async () => {
    expect(await texts(page([]))).toEqual([]);
    expect(await texts(page([], DARK))).toEqual([]);
  });

  it('reads PNG and JPEG file bytes as well as pixels', async () => {
    const image = page([{ text: uri(0), style: plainStyle(4), at: [0.2, 0.2] }]);
    expect(await texts(encodePng(image))).toEqual([uri(0)]);
    expect(await texts(encodeJpeg(image, 60))).toEqual([uri(0)]);
  });

  it('gives the corners of each code', async () => {
    const [found] = await decodeQrCodes(page([{ text: uri(1), style: plainStyle(4), at: [0.1, 0.1] }]));
    expect(found?.corners).toHaveLength(4);
    expect(found?.corners.every((c) => c.x > 0 && c.y > 0 && c.x < 900 && c.y < 700)).toBe(true);
  });

  it('reports each text once when the same code appears twice', async () => {
    expect(await texts(page([{ text: uri(2), style: plainStyle(3), at: [0.05, 0.1] }, { text: uri(2), style: plainStyle(3), at: [0.6, 0.5] }]))).toEqual([uri(2)]);
  });

  it('rejects bytes that are not an image and pixels that do not match their size', async () => {
    await expect(decodeQrCodes(new TextEncoder().encode('not an image'))).rejects.toBeInstanceOf(UnreadableImageError);
    await expect(decodeQrCodes({ data: new Uint8Array(10), width: 4, height: 4 })).rejects.toBeInstanceOf(UnreadableImageError);
    await expect(decodeQrCodes({ data: new Uint8Array(0), width: 0, height: 0 })).rejects.toBeInstanceOf(UnreadableImageError);
  });
});
