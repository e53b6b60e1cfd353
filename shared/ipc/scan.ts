import { z } from 'zod';
import { publicOtpAccount } from '../accounts';
import { call } from './define';

/** Most QR codes one scan may hand to core: far more than any page or export shows. */
export const MAX_SCANNED_CODES = 64;
const codeText = z.string().min(1).max(8192);
const key = z.string().regex(/^\d{1,3}:\d{1,3}$/);

/** One display, captured at its native pixel size (its size in points times its scale factor). */
export const capturedDisplay = z.object({
  id: z.string(),
  label: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  scaleFactor: z.number().positive(),
  /** Chromium's bitmaps are BGRA on every desktop platform; the decoder swaps when told. */
  channelOrder: z.enum(['rgba', 'bgra']),
  pixels: z.instanceof(Uint8Array),
});
export type CapturedDisplay = z.infer<typeof capturedDisplay>;

/** An account found in a code, without its secret; `key` is "code index:account index". */
export const previewAccount = publicOtpAccount.extend({
  key,
  /** The stored account it duplicates (same secret, or same issuer and label), if any. */
  duplicateOf: z.object({ id: z.string(), issuer: z.string(), label: z.string() }).nullable(),
});
export type PreviewAccount = z.infer<typeof previewAccount>;

export const previewCode = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('otpauth'), index: z.number().int(), accounts: z.array(previewAccount) }),
  z.object({ kind: z.literal('migration'), index: z.number().int(), batch: z.object({ index: z.number().int(), size: z.number().int(), id: z.number().int() }), accounts: z.array(previewAccount) }),
  z.object({ kind: z.literal('link'), index: z.number().int(), text: z.string() }),
  z.object({ kind: z.literal('text'), index: z.number().int(), text: z.string() }),
  z.object({ kind: z.literal('invalid'), index: z.number().int(), message: z.string() }),
]);
export type PreviewCode = z.infer<typeof previewCode>;

export const scanCalls = {
  'scan:capture': call({
    summary: 'Capture every display at its native pixel size, for the renderer’s decoder.',
    request: z.object({}).strict(),
    response: z.object({ displays: z.array(capturedDisplay) }),
  }),
  'scan:preview': call({
    summary: 'What decoded QR texts hold: accounts (without secrets) and their duplicates, links, text.',
    request: z.object({ texts: z.array(codeText).max(MAX_SCANNED_CODES) }).strict(),
    response: z.object({ codes: z.array(previewCode) }),
  }),
  'scan:import': call({
    summary: 'Save the accounts of scanned codes: all but `skip`; a duplicate is replaced only when listed in `replace`.',
    request: z
      .object({
        texts: z.array(codeText).min(1).max(MAX_SCANNED_CODES),
        skip: z.array(key).max(1000).default([]),
        replace: z.array(key).max(1000).default([]),
      })
      .strict(),
    response: z.object({ added: z.number().int(), replaced: z.number().int(), skipped: z.number().int() }),
  }),
};
