import type { ErrorCode } from '../../../../shared/errors';
import { CODE_ALREADY_USED, IdpError, malformedResponse } from '../errors';
import type { ErrorAnswer } from '../http/client';
import { redactText } from '../http/redact';
import { OktaErrorBody } from './schemas';

/** Which API answered: E0000011 means an expired sign-in in one and a bad API token in the other. */
export type OktaApi = 'authn' | 'admin';

interface CodeAdvice {
  code: ErrorCode;
  advice: string | ((api: OktaApi) => string);
  /** The advice says all Okta's summary says: the message is the advice alone. */
  replacesSummary?: true;
}

/** The MFA-relevant codes from Okta's catalogue (contracts/okta/okta-error-codes.selected.json). */
export const OKTA_ERROR_ADVICE: Readonly<Record<string, CodeAdvice>> = {
  E0000001: { code: 'INVALID_INPUT', advice: 'Okta rejected a value in the request: correct the fields it names and try again.' },
  E0000003: { code: 'INVALID_INPUT', advice: 'Okta could not read the request Traykey sent: please report this as a Traykey bug.' },
  E0000004: { code: 'IDP_ERROR', advice: 'Sign-in failed: check the username and password (and that the user is active), then try again.' },
  E0000005: { code: 'IDP_ERROR', advice: 'The Okta session is no longer valid: sign in again.' },
  E0000006: {
    code: 'IDP_ERROR',
    advice: "The API token's owner lacks permission for this: use a token created by an admin with the Super Administrator or Org Administrator role.",
  },
  E0000007: { code: 'NOT_FOUND', advice: 'Okta has no such user or factor: check the login, or whether it was deleted.' },
  E0000011: {
    code: 'IDP_ERROR',
    advice: (api) =>
      api === 'admin'
        ? 'The API token was rejected: create a new one under Security → API → Tokens in the Okta Admin Console and enter it again.'
        : 'The sign-in transaction expired or is no longer valid: start the sign-in again.',
  },
  E0000038: { code: 'IDP_ERROR', advice: "The user's current status does not allow this: activate or unsuspend the user in Okta first." },
  E0000047: { code: 'RATE_LIMITED', advice: "Okta's rate limit for this org was reached: wait a minute, then try again." },
  E0000068: { code: 'IDP_ERROR', advice: "The code was not accepted: enter the current code from the authenticator, and check the device's clock if it keeps failing." },
  E0000069: { code: 'IDP_ERROR', advice: 'The user is locked out after too many wrong codes: an admin can unlock the user in the Okta Admin Console.' },
  E0000074: { code: 'IDP_ERROR', advice: "Okta's factor service failed: try again in a moment, or use another factor." },
  E0000079: { code: 'IDP_ERROR', advice: 'This step does not fit the current state of the sign-in: start the sign-in again.' },
  E0000080: { code: 'INVALID_INPUT', advice: "Choose a password that meets the org's password policy (Security → Authentication → Password)." },
  E0000082: { code: 'IDP_ERROR', advice: CODE_ALREADY_USED, replacesSummary: true },
  E0000083: { code: 'IDP_ERROR', advice: "The code arrived too late: check the device's clock and enter a fresh code." },
  E0000109: { code: 'RATE_LIMITED', advice: 'An SMS was sent moments ago: wait 30 seconds before asking for another.' },
  E0000113: { code: 'IDP_ERROR', advice: 'Okta asks for an additional verification: complete it, then try again.' },
  E0000119: { code: 'IDP_ERROR', advice: 'The account is locked: ask an Okta administrator to unlock it.' },
};

/** Maps an Okta error answer to a typed error that keeps errorCode and errorSummary. */
export function oktaErrorMapper(api: OktaApi): (answer: ErrorAnswer) => IdpError {
  return (answer) => {
    const parsed = OktaErrorBody.safeParse(answer.body);
    if (!parsed.success) {
      if (answer.status === 429) return rateLimited(answer.status);
      return malformedResponse('Okta', answer.host, `a request (HTTP ${answer.status})`, answer.status);
    }
    const { errorCode, errorSummary, errorCauses } = parsed.data;
    const summary = redactText(
      [errorSummary, ...(errorCauses ?? []).map((cause) => cause.errorSummary).filter((s): s is string => !!s && s !== errorSummary)].join(' '),
      answer.secrets,
    );
    const known = OKTA_ERROR_ADVICE[errorCode];
    const advice = known ? (typeof known.advice === 'string' ? known.advice : known.advice(api)) : `Okta refused the request (${errorCode}).`;
    return new IdpError({
      code: known?.code ?? statusCode(answer.status),
      message: known?.replacesSummary ? advice : `${trimStop(summary)}. ${advice}`,
      providerCode: errorCode,
      providerSummary: summary,
      httpStatus: answer.status,
    });
  };
}

function rateLimited(status: number): IdpError {
  return new IdpError({ code: 'RATE_LIMITED', message: "Okta's rate limit for this org was reached: wait a minute, then try again.", httpStatus: status });
}

function statusCode(status: number): ErrorCode {
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 400) return 'INVALID_INPUT';
  return 'IDP_ERROR';
}

function trimStop(text: string): string {
  return text.trim().replace(/[.\s]+$/, '');
}
