import QRCode from 'qrcode';
import type { RgbaImage } from '../../../shared/qr/decode-qr';

export type Rgb = readonly [number, number, number];

export function blankImage(width: number, height: number, colour: Rgb): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = colour[0];
    data[i + 1] = colour[1];
    data[i + 2] = colour[2];
    data[i + 3] = 255;
  }
  return { data, width, height };
}

export function fillRect(image: RgbaImage, x: number, y: number, w: number, h: number, colour: Rgb): void {
  const x0 = Math.max(0, Math.floor(x)), y0 = Math.max(0, Math.floor(y));
  const x1 = Math.min(image.width, Math.floor(x + w)), y1 = Math.min(image.height, Math.floor(y + h));
  for (let py = y0; py < y1; py++) {
    for (let px = x0; px < x1; px++) {
      const i = (py * image.width + px) * 4;
      image.data[i] = colour[0];
      image.data[i + 1] = colour[1];
      image.data[i + 2] = colour[2];
    }
  }
}

export interface CodeStyle {
  /** Module width and height in pixels (unequal for terminal output), fractional for zoomed pages. */
  moduleWidth: number;
  moduleHeight: number;
  /** Degrees, clockwise. */
  rotation: number;
  dark: Rgb;
  light: Rgb;
  errorCorrection: 'L' | 'M' | 'Q' | 'H';
  /** Fraction of the symbol's side covered by a centred logo (needs errorCorrection H). */
  logo?: { fraction: number; colour: Rgb };
  /** Quiet-zone modules around the symbol. */
  margin: number;
}

/** Square black-on-white modules, upright, error correction M, the standard quiet zone; `extra` overrides. */
export const plainStyle = (moduleSize: number, extra: Partial<CodeStyle> = {}): CodeStyle => ({
  moduleWidth: moduleSize,
  moduleHeight: moduleSize,
  rotation: 0,
  dark: [0, 0, 0],
  light: [255, 255, 255],
  errorCorrection: 'M',
  margin: 4,
  ...extra,
});

/** The pixel size of a code's bounding box once drawn, to lay out a page before drawing. */
export function codeExtent(text: string, style: CodeStyle): { width: number; height: number } {
  const side = QRCode.create(text, { errorCorrectionLevel: style.errorCorrection }).modules.size + 2 * style.margin;
  const w = side * style.moduleWidth, h = side * style.moduleHeight;
  const a = (style.rotation * Math.PI) / 180;
  return { width: Math.ceil(Math.abs(w * Math.cos(a)) + Math.abs(h * Math.sin(a))), height: Math.ceil(Math.abs(w * Math.sin(a)) + Math.abs(h * Math.cos(a))) };
}

/**
 * Draws a QR code into the image with its top-left bounding corner at (x, y). Each pixel is sampled
 * 3x3 so fractional module sizes and rotations get the soft edges a zoomed browser page has.
 */
export function drawCode(image: RgbaImage, text: string, x: number, y: number, style: CodeStyle): void {
  const modules = QRCode.create(text, { errorCorrectionLevel: style.errorCorrection }).modules;
  const n = modules.size;
  const side = n + 2 * style.margin;
  const extent = codeExtent(text, style);
  const cx = x + extent.width / 2, cy = y + extent.height / 2;
  const a = (-style.rotation * Math.PI) / 180;
  const cos = Math.cos(a), sin = Math.sin(a);
  const logoHalf = style.logo ? (style.logo.fraction * n) / 2 : -1;
  const sampleIsDark = (sx: number, sy: number): number => {
    const dx = sx - cx, dy = sy - cy;
    const u = (dx * cos - dy * sin) / style.moduleWidth + side / 2 - style.margin;
    const v = (dx * sin + dy * cos) / style.moduleHeight + side / 2 - style.margin;
    if (logoHalf > 0 && Math.abs(u - n / 2) < logoHalf && Math.abs(v - n / 2) < logoHalf) return 2;
    const col = Math.floor(u), row = Math.floor(v);
    return col >= 0 && row >= 0 && col < n && row < n && modules.get(row, col) ? 1 : 0;
  };
  for (let py = Math.max(0, y); py < Math.min(image.height, y + extent.height); py++) {
    for (let px = Math.max(0, x); px < Math.min(image.width, x + extent.width); px++) {
      const dx0 = px - cx, dy0 = py - cy;
      const u0 = (dx0 * cos - dy0 * sin) / style.moduleWidth + side / 2, v0 = (dx0 * sin + dy0 * cos) / style.moduleHeight + side / 2;
      if (u0 < -1 || v0 < -1 || u0 > side + 1 || v0 > side + 1) continue;
      const sum = [0, 0, 0];
      for (let sy = 0; sy < 3; sy++) {
        for (let sx = 0; sx < 3; sx++) {
          const kind = sampleIsDark(px + (sx + 0.5) / 3, py + (sy + 0.5) / 3);
          const colour = kind === 2 ? style.logo!.colour : kind === 1 ? style.dark : style.light;
          sum[0]! += colour[0];
          sum[1]! += colour[1];
          sum[2]! += colour[2];
        }
      }
      const i = (py * image.width + px) * 4;
      image.data[i] = sum[0]! / 9;
      image.data[i + 1] = sum[1]! / 9;
      image.data[i + 2] = sum[2]! / 9;
    }
  }
}
