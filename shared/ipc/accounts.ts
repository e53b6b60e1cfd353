import { z } from 'zod';
import { accountDetails, accountSummary, liveCode, manualAccountInput } from '../accounts';
import { call } from './define';

const id = z.string().min(1).max(100);

/** Codes at one moment of main's clock: the accounts:codes answer, and what main sends a popup it is about to show. */
export const liveCodesAnswer = z.object({ now: z.number(), codes: z.array(liveCode) });

export const accountsCalls = {
  'accounts:list': call({ summary: 'All accounts, in the user’s order, without secrets.', request: z.object({}).strict(), response: z.array(accountSummary) }),
  'accounts:codes': call({ passive: true,
    summary: 'Live TOTP and Steam codes (current and next period) at a moment in epoch ms, main’s skew-corrected clock if omitted.',
    request: z.object({ at: z.number().int().nonnegative().optional() }).strict(),
    response: liveCodesAnswer,
  }),
  'accounts:add': call({ summary: 'Add an account typed in by hand.', request: manualAccountInput.strict(), response: accountSummary }),
  'accounts:addUri': call({ summary: 'Add an account from an otpauth:// URI.', request: z.object({ uri: z.string().max(4096) }).strict(), response: accountSummary }),
  'accounts:rename': call({
    summary: 'Change an account’s issuer and label.',
    request: z.object({ id, issuer: z.string().max(200), label: z.string().min(1).max(200) }).strict(),
    response: accountSummary,
  }),
  'accounts:reorder': call({ summary: 'Put accounts in this order.', request: z.object({ ids: z.array(id).max(100_000) }).strict(), response: z.array(accountSummary) }),
  'accounts:delete': call({
    summary: 'Delete an account; returns a token that undoes it for a while.',
    request: z.object({ id }).strict(),
    response: z.object({ undoToken: z.string() }),
  }),
  'accounts:undoDelete': call({ summary: 'Bring back a just-deleted account.', request: z.object({ undoToken: z.string().max(200) }).strict(), response: accountSummary }),
  'accounts:nextHotp': call({
    summary: 'Advance an HOTP account: the new counter is saved before the code is returned.',
    request: z.object({ id }).strict(),
    response: z.object({ id: z.string(), code: z.string(), counter: z.number().int() }),
  }),
  'accounts:reveal': call({ summary: 'An account’s secret and URI, only when the user asked to see it.', request: z.object({ id }).strict(), response: accountDetails }),
  'accounts:copyCode': call({
    summary: 'Copy an account’s current code; the clipboard is cleared later only if it still holds it.',
    request: z.object({ id }).strict(),
    response: z.object({ clearsInSeconds: z.number().int().nonnegative() }),
  }),
};
