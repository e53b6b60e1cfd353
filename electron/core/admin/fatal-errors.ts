import { isAppError } from '../../../shared/errors';

/** Provider codes that mean the credentials or their permissions are wrong, not this one user. */
const FATAL_PROVIDER_CODES = new Set(['E0000011', 'E0000006', 'invalid_client', 'unauthorized_client', 'unsupported_grant_type', 'insufficient_scope', 'invalid_token']);

/** Errors that would fail every user alike, so a run stops at the first one with its sentence. */
export function isOrgWideFailure(error: unknown): boolean {
  if (!isAppError(error)) return false;
  if (error.code === 'NETWORK' || error.code === 'TIMEOUT') return true;
  return error.providerCode !== undefined && FATAL_PROVIDER_CODES.has(error.providerCode);
}
