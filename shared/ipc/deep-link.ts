import { z } from 'zod';
import { accountSummary, otpType } from '../accounts';
import { call } from './define';

/**
 * An account offered by a traykey:// or otpauth:// link the OS handed to the app. The renderer sees
 * who it is for, never the secret; main saves it only when the person accepts the preview.
 */
export const deepLinkPreview = z.object({
  token: z.string(),
  issuer: z.string(),
  label: z.string(),
  type: otpType,
});
export type DeepLinkPreviewData = z.infer<typeof deepLinkPreview>;

const token = z.string().min(1).max(100);

export const deepLinkCalls = {
  'deepLink:pending': call({ passive: true, summary: 'The account a link just offered, waiting for the person to accept it, if any.', request: z.object({}).strict(), response: deepLinkPreview.nullable() }),
  'deepLink:accept': call({ summary: 'Add the offered account, as the person confirmed.', request: z.object({ token }).strict(), response: accountSummary }),
  'deepLink:dismiss': call({ summary: 'Forget the offered account without adding it.', request: z.object({ token }).strict(), response: z.object({}) }),
};
