import QRCode from 'qrcode';

/** A real PNG QR image of `text`, as Okta's activation `qrcode` link serves. */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 });
}
