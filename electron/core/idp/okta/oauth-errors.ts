import { z } from 'zod';
import type { AppError, ErrorCode } from '../../../../shared/errors';
import { IdpError, malformedResponse } from '../errors';
import type { HttpClient, RawAnswer } from '../http/client';
import { redactText } from '../http/redact';

export const OAuthErrorBody = z.object({ error: z.string().min(1), error_description: z.string().optional() });

const ADVICE: Readonly<Record<string, { code: ErrorCode; advice: string }>> = {
  invalid_client: { code: 'IDP_ERROR', advice: "The app's client ID or secret was rejected: copy both again from the Okta Admin Console (Applications → the app → General)." },
  unauthorized_client: { code: 'IDP_ERROR', advice: 'The app may not use this grant: enable it in the Okta Admin Console (Applications → the app → General → Grant type).' },
  unsupported_grant_type: { code: 'IDP_ERROR', advice: "The authorization server does not offer this grant: check the app's grant types and the authorization server's access policy." },
  invalid_scope: { code: 'INVALID_INPUT', advice: 'Okta refused the requested scopes: grant them to the app in the Okta Admin Console.' },
  unknown_user_id: { code: 'NOT_FOUND', advice: 'Okta has no active user with that login: check the login.' },
  invalid_binding_message: { code: 'INVALID_INPUT', advice: 'Shorten the message shown on the device and try again.' },
  invalid_request: { code: 'INVALID_INPUT', advice: 'Okta found the request incomplete: check the values given and that the user has an authenticator that accepts the request.' },
  invalid_grant: { code: 'IDP_ERROR', advice: 'Okta no longer accepts this request: start again.' },
};

/** Maps an OAuth 2.0 error answer of an Okta authorization server to a typed error (never with secrets). */
export function oauthError(http: HttpClient, answer: RawAnswer, secrets: readonly (string | undefined)[]): AppError {
  const parsed = OAuthErrorBody.safeParse(answer.bodyIsJson ? answer.body : undefined);
  if (!parsed.success) return http.errorFor(answer, { method: 'POST', secrets: [...secrets] });
  const { error, error_description: description } = parsed.data;
  const summary = redactText(description ?? error, secrets);
  const known = ADVICE[error];
  if (!known && answer.status >= 500) return malformedResponse('Okta', http.host, `a request (HTTP ${answer.status})`, answer.status);
  return new IdpError({
    code: known?.code ?? 'IDP_ERROR',
    message: `${summary.trim().replace(/[.\s]+$/, '')}. ${known?.advice ?? `Okta refused the request (${error}).`}`,
    providerCode: error,
    providerSummary: summary,
    httpStatus: answer.status,
  });
}
