import QRCode from 'qrcode';

/**
 * Medium error correction and a 4-module quiet zone: what phone scanners read reliably from a screen.
 * `scale` keeps even a dense migration code a few hundred pixels wide.
 */
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4, scale: 6 } as const;

/** The text as a PNG data URL, for an <img> (the renderer's CSP allows img-src data:). */
export function qrPngDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { ...OPTIONS, type: 'image/png' });
}

/** The text as PNG file bytes. */
export function qrPngBytes(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...OPTIONS, type: 'png' });
}

/** The text drawn with Unicode half blocks, for a terminal. */
export function qrTerminalText(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'utf8', errorCorrectionLevel: 'M', margin: 2 });
}
