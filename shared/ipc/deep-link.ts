import { z } from 'zod';
import { accountSummary, otpType } from '../accounts';
import { call } from './define';
import { pushEnrolment } from './push';

/**
 * What a traykey:// or otpauth:// link the OS handed to the app offers, waiting for the person: an
 * account (who it is for, never the secret; main saves it only when the person accepts) or the set-up
 * of sign-in approvals with an org (main enrols only when the person accepts, and only an org the
 * organisation's policy allows).
 */
export const deepLinkPreview = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('account'), token: z.string(), issuer: z.string(), label: z.string(), type: otpType }),
  z.object({
    kind: z.literal('enrol-push'),
    token: z.string(),
    /** The org's origin, e.g. https://acme.okta.com. */
    org: z.string(),
    /** The org's name from the organisation's policy, else its host name. */
    name: z.string(),
    /** Why this org may not be set up here (the policy does not allow it), or null. */
    refusal: z.string().nullable(),
  }),
]);
export type DeepLinkPreviewData = z.infer<typeof deepLinkPreview>;

const token = z.string().min(1).max(100);

export const deepLinkCalls = {
  'deepLink:pending': call({ passive: true, summary: 'What a link just offered (an account, or approvals set-up), waiting for the person, if anything.', request: z.object({}).strict(), response: deepLinkPreview.nullable() }),
  'deepLink:accept': call({
    summary: 'Add the offered account, or enrol with the offered org (sign-in in the system browser), as the person confirmed.',
    request: z.object({ token }).strict(),
    response: z.discriminatedUnion('kind', [z.object({ kind: z.literal('account'), account: accountSummary }), z.object({ kind: z.literal('enrolment'), enrolment: pushEnrolment })]),
  }),
  'deepLink:dismiss': call({ summary: 'Forget what the link offered without acting on it.', request: z.object({ token }).strict(), response: z.object({}) }),
};
