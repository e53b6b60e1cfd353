import { randomId } from '../ids';
import type { SimReply } from '../http/types';

/** The Okta error codes the simulator answers with; texts as in Okta's published catalogue. */
export const oktaErrorCatalogue = {
  E0000001: { status: 400, summary: 'Api validation failed: {0}' },
  E0000003: { status: 400, summary: 'The request body was not well-formed.' },
  E0000004: { status: 401, summary: 'Authentication failed' },
  E0000005: { status: 403, summary: 'Invalid session' },
  E0000006: { status: 403, summary: 'You do not have permission to perform the requested action' },
  E0000007: { status: 404, summary: 'Not found: {0}' },
  E0000009: { status: 500, summary: 'Internal Server Error' },
  E0000011: { status: 401, summary: 'Invalid token provided' },
  E0000022: { status: 405, summary: 'The endpoint does not support the provided HTTP method' },
  E0000038: { status: 403, summary: "This operation is not allowed in the user's current status." },
  E0000047: { status: 429, summary: 'API call exceeded rate limit due to too many requests.' },
  E0000068: { status: 403, summary: 'Invalid Passcode/Answer' },
  E0000079: { status: 403, summary: 'This operation is not allowed in the current authentication state.' },
  E0000082: { status: 403, summary: 'Each code can only be used once. Please wait for a new code and try again.' },
} as const;

export type OktaErrorCode = keyof typeof oktaErrorCatalogue;

export interface OktaErrorBody {
  errorCode: string;
  errorSummary: string;
  errorLink: string;
  errorId: string;
  errorCauses: { errorSummary: string }[];
}

/**
 * An Okta error reply. `arg` fills the catalogue's `{0}`; `causes` become `errorCauses`.
 * `status` overrides the catalogue for the few codes Okta answers with another status.
 */
export function oktaError(code: OktaErrorCode, options: { arg?: string; causes?: string[]; status?: number } = {}): SimReply {
  const entry = oktaErrorCatalogue[code];
  const body: OktaErrorBody = {
    errorCode: code,
    errorSummary: entry.summary.replace('{0}', options.arg ?? ''),
    errorLink: code,
    errorId: randomId('oae', 22),
    errorCauses: (options.causes ?? []).map((errorSummary) => ({ errorSummary })),
  };
  return { status: options.status ?? entry.status, json: body };
}

export const badPasscode = (): SimReply => oktaError('E0000068', { causes: ["Your passcode doesn't match our records. Please try again."] });
export const replayedPasscode = (): SimReply => oktaError('E0000082');
export const notFound = (what: string, type: string): SimReply => oktaError('E0000007', { arg: `Resource not found: ${what} (${type})` });
