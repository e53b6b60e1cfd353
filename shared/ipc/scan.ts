import { z } from 'zod';
import { publicOtpAccount } from '../accounts';
import { call } from './define';

/** Most QR codes one scan may hand to core: far more than any page or export shows. */
export const MAX_SCANNED_CODES = 64;
const codeText = z.string().min(1).max(8192);
const key = z.string().regex(/^\d{1,3}:\d{1,3}$/);

/** A scan held by main: single-use, bound to the page that got it. */
const scanToken = z.string().min(16).max(64);

/** A screen the page may capture once, in order, right after asking: its label and native pixel size. */
export const offeredScreen = z.object({ label: z.string(), width: z.number().int().positive(), height: z.number().int().positive() });
export type OfferedScreen = z.infer<typeof offeredScreen>;

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
  /** Another computer's one-use sync pairing words, offered for joining its sync. */
  z.object({ kind: z.literal('sync-pairing'), index: z.number().int(), words: z.array(z.string()) }),
]);
export type PreviewCode = z.infer<typeof previewCode>;

export const scanCalls = {
  'scan:screens': call({
    summary: 'The displays this page may now capture (getDisplayMedia, once each, in this order, for a few seconds after the Scan click); no pixels.',
    request: z.object({}).strict(),
    response: z.object({ screens: z.array(offeredScreen) }),
  }),
  'scan:preview': call({
    summary: 'Hand decoded QR texts to main once (after the codes of `token`, which is spent): accounts without secrets, duplicates, links, text, and a new token.',
    request: z.object({ texts: z.array(codeText).max(MAX_SCANNED_CODES), token: scanToken.optional() }).strict(),
    response: z.object({ token: scanToken, codes: z.array(previewCode) }),
  }),
  'scan:import': call({
    summary: 'Save the accounts of the scan `token` (spent): all but `skip`; a duplicate is replaced only when listed in `replace`.',
    request: z
      .object({
        token: scanToken,
        skip: z.array(key).max(1000).default([]),
        replace: z.array(key).max(1000).default([]),
      })
      .strict(),
    response: z.object({ added: z.number().int(), replaced: z.number().int(), skipped: z.number().int() }),
  }),
  'scan:discard': call({
    summary: 'Forget the scan `token` (the person cleared it or left the view).',
    request: z.object({ token: scanToken }).strict(),
    response: z.object({}),
    passive: true,
  }),
};
