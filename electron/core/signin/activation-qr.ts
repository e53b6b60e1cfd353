import QRCode from 'qrcode';
import { z } from 'zod';
import { appError } from '../../../shared/errors';
import type { OktaAuthnClient } from '../idp/okta/authn';
import type { HttpClient } from '../idp/http/client';
import type { AuthnTransaction } from '../idp/okta/schemas';
import { imageDimensions } from '../../../shared/qr/image-dimensions';
import { decodeQrCodes } from '../../../shared/qr/decode-qr';
import { prepareNodeQrEngine } from '../qr/node-engine';

const Activation = z.object({ expiresAt: z.string().optional(), _links: z.object({ qrcode: z.object({ href: z.string().min(1) }) }) });

export interface ActivationQr {
  /** What the QR code says (the enrolment link Okta Verify scans). */
  content: string;
  /** The same code drawn with Unicode half blocks, for a terminal. */
  terminalText: string;
  /** When Okta stops accepting the scan (epoch ms), if it said. */
  expiresAt?: number;
}

/**
 * The Okta Verify activation QR of an MFA_ENROLL_ACTIVATE transaction: Okta only links to a PNG, so
 * it is fetched, decoded and redrawn as text blocks a phone can scan from the terminal.
 */
export async function activationQr(http: HttpClient, authn: OktaAuthnClient, transaction: AuthnTransaction, signal?: AbortSignal): Promise<ActivationQr> {
  const parsed = Activation.safeParse(authn.factors(transaction)[0]?._embedded?.activation);
  if (!parsed.success) throw appError('IDP_ERROR', 'Okta did not send an activation QR code for Okta Verify: start the sign-in again.');
  const { bytes } = await http.bytes({ method: 'GET', link: parsed.data._links.qrcode.href, ...(signal ? { signal } : {}) });
  const content = await decodePng(bytes);
  const terminalText = await QRCode.toString(content, { type: 'utf8', errorCorrectionLevel: 'M', margin: 2 });
  const expiresAt = parsed.data.expiresAt ? Date.parse(parsed.data.expiresAt) : Number.NaN;
  return { content, terminalText, ...(Number.isFinite(expiresAt) ? { expiresAt } : {}) };
}

/** An activation QR is a few hundred pixels wide; a larger declared size is refused before it is inflated. */
const MAX_ACTIVATION_QR_PIXELS = 2048 * 2048;

/** Read with the app's one QR decoder (ZXing-C++), the same one the scan view and `traykey scan` use. */
async function decodePng(bytes: Uint8Array): Promise<string> {
  const size = imageDimensions(bytes);
  if (size && size.width * size.height > MAX_ACTIVATION_QR_PIXELS) {
    throw appError('SERVER_FAULT', `Okta's activation QR image declares ${size.width}×${size.height} pixels, far more than a QR code needs, so Traykey did not read it: open the enrolment in a browser instead.`);
  }
  await prepareNodeQrEngine();
  try {
    const [found] = await decodeQrCodes(bytes);
    if (found !== undefined) return found.text;
  } catch {
    // An unreadable image is reported below like an image without a code.
  }
  throw appError('IDP_ERROR', "Okta's activation QR image could not be read: open the enrolment in a browser instead.");
}
