import { z } from 'zod';
import { call } from './define';

/** Most accounts one export may name; Google Authenticator splits them into batches of 10. */
export const MAX_TRANSFER_ACCOUNTS = 1000;
const pngDataUrl = z.string().startsWith('data:image/png;base64,');

export const accountQr = z.object({ issuer: z.string(), label: z.string(), dataUrl: pngDataUrl });
export type AccountQrImage = z.infer<typeof accountQr>;

export const migrationQr = z.object({
  /** 0-based position in the export: show it as `index + 1` of `count`. */
  index: z.number().int().min(0),
  count: z.number().int().min(1),
  dataUrl: pngDataUrl,
});
export type MigrationQrImage = z.infer<typeof migrationQr>;

export const transferCalls = {
  'transfer:accountQr': call({
    summary: 'One account’s otpauth:// link as a QR image; reveals the secret, so the renderer asks only after the user confirmed.',
    request: z.object({ id: z.string().min(1) }).strict(),
    response: accountQr,
  }),
  'transfer:migrationQrs': call({
    summary: 'The chosen accounts as Google Authenticator export QR images (otpauth-migration, in batches); reveals their secrets, so only after the user confirmed.',
    request: z.object({ ids: z.array(z.string().min(1)).min(1).max(MAX_TRANSFER_ACCOUNTS) }).strict(),
    response: z.object({ codes: z.array(migrationQr).min(1) }),
  }),
};
