import type { SimReply } from '../http/types';

/** An Authentication API error: `{error, error_description}` (Auth0's ErrorResponse). */
export function auth0Error(status: number, error: string, description: string, extra: Record<string, unknown> = {}): SimReply {
  return { status, json: { error, error_description: description, ...extra } };
}

/** Texts from Auth0's recordings, SDKs and docs (see contracts/auth0/auth0-mfa-errors.json). */
export const auth0Errors = {
  invalidClient: () => auth0Error(401, 'invalid_client', 'Client authentication failed'),
  unsupportedGrant: () => auth0Error(400, 'unsupported_grant_type', 'Grant type not supported'),
  missing: (name: string) => auth0Error(400, 'invalid_request', `Missing required parameter: ${name}`),
  wrongPassword: () => auth0Error(403, 'invalid_grant', 'Wrong email or password.'),
  invalidOtp: () => auth0Error(403, 'invalid_grant', 'Invalid otp_code.'),
  invalidBindingCode: () => auth0Error(403, 'invalid_grant', 'Invalid binding_code.'),
  invalidRecoveryCode: () => auth0Error(403, 'invalid_grant', 'Invalid recovery_code.'),
  malformedMfaToken: () => auth0Error(403, 'invalid_grant', 'Malformed mfa_token'),
  expiredMfaToken: () => auth0Error(401, 'expired_token', 'mfa_token is expired'),
  pending: () => auth0Error(400, 'authorization_pending', 'Authorization pending: please repeat the request in a few seconds.'),
  rejected: () => auth0Error(400, 'access_denied', 'MFA Authorization rejected.'),
  expiredOob: () => auth0Error(400, 'expired_token', 'oob_code is expired'),
  slowDown: (seconds: number) => auth0Error(429, 'slow_down', `You are polling faster than the specified interval of ${seconds} seconds.`),
  rateLimited: () => auth0Error(429, 'too_many_requests', 'Rate limit exceeded. Please retry after some time.'),
  unauthorized: () => auth0Error(401, 'unauthorized', 'Invalid or missing access token'),
} as const;

/** A Management API (v2) error: `{statusCode, error, message, errorCode}`. */
export function managementError(statusCode: number, error: string, message: string, errorCode?: string): SimReply {
  return { status: statusCode, json: { statusCode, error, message, ...(errorCode ? { errorCode } : {}) } };
}
