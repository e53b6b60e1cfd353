import jsQR from 'jsqr';
import type { RgbaImage } from '../../../shared/qr/decode-qr';

/**
 * jsQR, the design card's baseline, finds one code per call; to compare fairly on pages with several
 * codes it is called again with each found code painted over, until it finds nothing more.
 */
export function jsqrDecodeAll(image: RgbaImage, maxCodes = 8): string[] {
  const data = new Uint8ClampedArray(image.data);
  const texts: string[] = [];
  for (let n = 0; n < maxCodes; n++) {
    const found = jsQR(data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
    if (!found) break;
    if (!texts.includes(found.data)) texts.push(found.data);
    const { topLeftCorner: a, topRightCorner: b, bottomLeftCorner: c, bottomRightCorner: d } = found.location;
    const xs = [a.x, b.x, c.x, d.x], ys = [a.y, b.y, c.y, d.y];
    const pad = (Math.max(...xs) - Math.min(...xs)) * 0.1;
    const x0 = Math.max(0, Math.floor(Math.min(...xs) - pad)), x1 = Math.min(image.width, Math.ceil(Math.max(...xs) + pad));
    const y0 = Math.max(0, Math.floor(Math.min(...ys) - pad)), y1 = Math.min(image.height, Math.ceil(Math.max(...ys) + pad));
    for (let y = y0; y < y1; y++) data.fill(128, (y * image.width + x0) * 4, (y * image.width + x1) * 4);
  }
  return texts;
}
