import type { RgbaImage } from '../../../shared/qr/decode-qr';
import { blankImage, codeExtent, drawCode, fillRect, type CodeStyle, type Rgb } from './raster';

export interface Theme {
  background: Rgb;
  panel: Rgb;
  text: Rgb;
}

export const LIGHT: Theme = { background: [246, 247, 249], panel: [255, 255, 255], text: [40, 44, 52] };
export const DARK: Theme = { background: [24, 26, 31], panel: [36, 39, 46], text: [205, 210, 218] };

export interface PlacedCode {
  text: string;
  style: CodeStyle;
  /** Top-left corner of the code's bounding box as a fraction of the page. */
  at: readonly [number, number];
}

/**
 * Lines of word-sized blocks on panels: enough structure (edges, repeated patterns) for a detector to
 * chase false finder patterns, the way a real page full of text does.
 */
function drawBusyPage(image: RgbaImage, theme: Theme, random: () => number, scale: number): void {
  const panels = 3 + Math.floor(random() * 4);
  for (let p = 0; p < panels; p++) {
    const x = random() * image.width * 0.8, y = random() * image.height * 0.8;
    const w = (0.15 + random() * 0.35) * image.width, h = (0.15 + random() * 0.4) * image.height;
    fillRect(image, x, y, w, h, theme.panel);
    const lineHeight = Math.round((14 + random() * 10) * scale);
    for (let ly = y + lineHeight; ly < y + h - lineHeight; ly += lineHeight * 1.5) {
      let lx = x + 12 * scale;
      while (lx < x + w - 40 * scale) {
        const word = (12 + random() * 60) * scale;
        fillRect(image, lx, ly, Math.min(word, x + w - lx), lineHeight * 0.55, theme.text);
        lx += word + 6 * scale;
      }
    }
  }
}

export function renderPage(width: number, height: number, theme: Theme, codes: readonly PlacedCode[], random: () => number, scale = 1): RgbaImage {
  const image = blankImage(width, height, theme.background);
  drawBusyPage(image, theme, random, scale);
  for (const code of codes) {
    const extent = codeExtent(code.text, code.style);
    const x = Math.min(width - extent.width, Math.round(code.at[0] * width));
    const y = Math.min(height - extent.height, Math.round(code.at[1] * height));
    drawCode(image, code.text, x, y, code.style);
  }
  return image;
}
