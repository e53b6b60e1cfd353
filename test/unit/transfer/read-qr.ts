import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The text of the one QR code in a PNG, read back the way a phone would see it. */
export function readQrPng(bytes: Buffer): string {
  const image = PNG.sync.read(bytes);
  const found = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height);
  if (!found) throw new Error('no QR code found in the image');
  return found.data;
}

export function readQrDataUrl(dataUrl: string): string {
  const prefix = 'data:image/png;base64,';
  if (!dataUrl.startsWith(prefix)) throw new Error('not a PNG data URL');
  return readQrPng(Buffer.from(dataUrl.slice(prefix.length), 'base64'));
}

/** [top, bottom] of a half-block character: true where it draws ink. */
const HALVES: Record<string, [boolean, boolean]> = { ' ': [false, false], '▀': [true, false], '▄': [false, true], '█': [true, true] };

/**
 * The text of a QR code drawn with Unicode half blocks (two module rows per line), as a terminal
 * shows it. jsQR tries both polarities, so whether ink means dark or light does not matter.
 */
export function readQrHalfBlocks(text: string): string {
  const lines = text.split('\n').filter((line) => line.length > 0);
  const scale = 4;
  const width = Math.max(...lines.map((line) => [...line].length)) * scale;
  const height = lines.length * 2 * scale;
  const pixels = new Uint8ClampedArray(width * height * 4).fill(255);
  lines.forEach((line, row) => {
    [...line].forEach((char, column) => {
      const halves = HALVES[char];
      if (!halves) throw new Error(`unexpected character ${JSON.stringify(char)} in the drawing`);
      halves.forEach((ink, half) => {
        if (!ink) return;
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            const offset = (((row * 2 + half) * scale + dy) * width + column * scale + dx) * 4;
            pixels.fill(0, offset, offset + 3);
          }
        }
      });
    });
  });
  const found = jsQR(pixels, width, height);
  if (!found) throw new Error('no QR code found in the drawing');
  return found.data;
}
