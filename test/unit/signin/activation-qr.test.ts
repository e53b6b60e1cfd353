import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { activationQr } from '../../../electron/core/signin/activation-qr';
import type { HttpClient } from '../../../electron/core/idp/http/client';
import type { OktaAuthnClient } from '../../../electron/core/idp/okta/authn';
import type { AuthnTransaction } from '../../../electron/core/idp/okta/schemas';

const LINK = 'https://example.okta.com/api/v1/users/00u1/factors/opf1/qr/abc';
const ENROL = 'oktaverify://example.okta.com/activate?t=abc123';

function serving(bytes: Uint8Array) {
  const http = { bytes: async () => ({ bytes, contentType: 'image/png' }) } as unknown as HttpClient;
  const authn = { factors: () => [{ _embedded: { activation: { expiresAt: '2026-01-01T00:05:00.000Z', _links: { qrcode: { href: LINK } } } } }] } as unknown as OktaAuthnClient;
  return (transaction = {} as AuthnTransaction) => activationQr(http, authn, transaction);
}

/** A PNG header declaring width × height, with no pixel data behind it. */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return bytes;
}

describe("Okta Verify's activation QR, read with the app's one decoder", () => {
  it('reads the enrolment link from the PNG Okta serves and redraws it for a terminal', async () => {
    const qr = await serving(new Uint8Array(await QRCode.toBuffer(ENROL, { margin: 4, scale: 6 })))();
    expect(qr.content).toBe(ENROL);
    expect(qr.terminalText).toContain('█');
    expect(qr.expiresAt).toBe(Date.UTC(2026, 0, 1, 0, 5));
  });

  it('says the image could not be read when the bytes are not a PNG with a code', async () => {
    await expect(serving(new TextEncoder().encode('<html>maintenance</html>'))()).rejects.toMatchObject({ code: 'IDP_ERROR', message: expect.stringMatching(/could not be read/) });
  });

  it('refuses an image declaring absurd dimensions before inflating it', async () => {
    await expect(serving(pngHeader(40_000, 40_000))()).rejects.toMatchObject({ code: 'SERVER_FAULT', message: expect.stringMatching(/40000×40000/) });
  });
});
