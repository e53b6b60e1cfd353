import type { ErrorCode } from '../../../../shared/errors';
import { CODE_NEXT_USABLE, IdpError, malformedResponse } from '../errors';
import type { ErrorAnswer } from '../http/client';
import { redactText } from '../http/redact';
import { Auth0ErrorBody, Auth0ManagementErrorBody } from './schemas';

interface Advice {
  code: ErrorCode;
  advice: string;
  /** When set, the advice applies only if error_description matches. */
  when?: RegExp;
}

/**
 * Advice per Auth0 error string (contracts/auth0/auth0-mfa-errors.json). Keyed on `error`,
 * never on the status: sources disagree on statuses (mfa_required is 401 in the spec, 403 live).
 */
export const AUTH0_ERROR_ADVICE: Readonly<Record<string, readonly Advice[]>> = {
  invalid_grant: [
    // Auth0 answers a wrong code and a reused one alike ("Invalid otp_code."): the sentence covers both.
    { when: /otp/i, code: 'IDP_ERROR', advice: `The code is wrong, or was already used and each code works only once: ${CODE_NEXT_USABLE}` },
    { when: /binding/i, code: 'IDP_ERROR', advice: 'The code sent to the phone was not accepted: enter it exactly as shown.' },
    { when: /mfa_token/i, code: 'IDP_ERROR', advice: 'The MFA step is no longer valid: sign in again.' },
    { when: /recovery/i, code: 'IDP_ERROR', advice: 'The recovery code was not accepted: check it; each recovery code works only once.' },
    { when: /reject/i, code: 'IDP_ERROR', advice: 'The sign-in request was denied on the phone.' },
    { when: /password|credentials/i, code: 'IDP_ERROR', advice: 'Check the username and password, then try again.' },
    { code: 'IDP_ERROR', advice: 'Auth0 did not accept the grant: sign in again.' },
  ],
  invalid_user_password: [{ code: 'IDP_ERROR', advice: 'Check the username and password, then try again.' }],
  access_denied: [
    { when: /reject/i, code: 'IDP_ERROR', advice: 'The sign-in request was denied on the phone.' },
    { code: 'IDP_ERROR', advice: "Auth0 denied the request: check the application's settings and the user's permissions in the Auth0 Dashboard." },
  ],
  expired_token: [{ code: 'IDP_ERROR', advice: 'The MFA step expired: sign in again.' }],
  mfa_required: [{ code: 'IDP_ERROR', advice: 'Auth0 asks for a second factor: complete the MFA step.' }],
  authorization_pending: [{ code: 'IDP_ERROR', advice: 'The request is still waiting for approval on the phone.' }],
  slow_down: [{ code: 'RATE_LIMITED', advice: 'Traykey checked for approval too often: wait a few seconds and try again.' }],
  too_many_attempts: [{ code: 'IDP_ERROR', advice: 'The account is blocked after too many attempts: follow the email Auth0 sent, or ask an administrator to unblock it.' }],
  too_many_requests: [{ code: 'RATE_LIMITED', advice: "Auth0's rate limit was reached: wait a little, then try again." }],
  invalid_client: [{ code: 'IDP_ERROR', advice: 'The client ID or secret was rejected: copy both again from the Auth0 Dashboard (Applications → Settings).' }],
  unauthorized_client: [
    { code: 'IDP_ERROR', advice: 'This application may not use that grant: enable it in the Auth0 Dashboard (Applications → Advanced Settings → Grant Types).' },
  ],
  unsupported_grant_type: [
    { code: 'IDP_ERROR', advice: 'This application may not use that grant: enable it in the Auth0 Dashboard (Applications → Advanced Settings → Grant Types).' },
  ],
  invalid_request: [{ code: 'INVALID_INPUT', advice: 'Auth0 found the request incomplete: check the values entered and try again.' }],
  unauthorized: [{ code: 'IDP_ERROR', advice: 'The MFA step is no longer valid: sign in again.' }],
};

/** Maps an Auth0 Authentication or Management API error answer to a typed error. */
export function auth0ErrorMapper(answer: ErrorAnswer): IdpError {
  const auth = Auth0ErrorBody.safeParse(answer.body);
  const management = Auth0ManagementErrorBody.safeParse(answer.body);
  let providerCode: string;
  let summary: string;
  if (management.success) {
    providerCode = management.data.errorCode ?? management.data.error;
    summary = management.data.message;
  } else if (auth.success) {
    providerCode = auth.data.error;
    summary = auth.data.error_description ?? auth.data.error;
  } else {
    if (answer.status === 429) return new IdpError({ code: 'RATE_LIMITED', message: "Auth0's rate limit was reached: wait a little, then try again.", httpStatus: 429 });
    return malformedResponse('Auth0', answer.host, `a request (HTTP ${answer.status})`, answer.status);
  }
  summary = redactText(summary, answer.secrets);
  const advice = (AUTH0_ERROR_ADVICE[providerCode] ?? []).find((a) => !a.when || a.when.test(summary));
  const code: ErrorCode = advice?.code ?? (answer.status === 429 ? 'RATE_LIMITED' : answer.status === 404 ? 'NOT_FOUND' : 'IDP_ERROR');
  const sentence = advice?.advice ?? `Auth0 refused the request (${providerCode}).`;
  return new IdpError({ code, message: `${summary.trim().replace(/[.\s]+$/, '')}. ${sentence}`, providerCode, providerSummary: summary, httpStatus: answer.status });
}
