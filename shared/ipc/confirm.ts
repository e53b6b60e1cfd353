import { z } from 'zod';
import { call } from './define';

/**
 * "Ask a user to confirm" in the Admin area, the same as `traykey confirm okta`: a CIBA request to
 * an Okta user's authenticator. The client secret goes to main for this one request; it is not
 * stored and never comes back.
 */
export const confirmRequest = z
  .object({
    orgUrl: z.string().min(1).max(2048),
    login: z.string().trim().min(1).max(320),
    message: z.string().max(256).optional(),
    clientId: z.string().trim().min(1).max(4096),
    clientSecret: z.string().min(1).max(4096),
    /** How long the user has to answer (Okta's default is 300 s). */
    expiresInSeconds: z.number().int().min(1).max(600).optional(),
  })
  .strict();
export type ConfirmRequestInput = z.infer<typeof confirmRequest>;

export const confirmOutcome = z.discriminatedUnion('result', [
  z.object({ result: z.literal('approved'), approvedBy: z.string() }),
  z.object({ result: z.literal('denied') }),
  z.object({ result: z.literal('expired') }),
  z.object({ result: z.literal('cancelled') }),
]);
export type ConfirmOutcomeView = z.infer<typeof confirmOutcome>;

export const confirmCalls = {
  'confirm:okta': call({
    summary: 'Ask an Okta user to confirm on their authenticator (CIBA) and answer once they approve or deny, or the request expires.',
    request: confirmRequest,
    response: confirmOutcome,
  }),
  'confirm:cancel': call({ summary: 'Stop waiting for the answer in progress; the request then expires on its own at Okta.', request: z.object({}).strict(), response: z.object({ cancelled: z.boolean() }) }),
};
