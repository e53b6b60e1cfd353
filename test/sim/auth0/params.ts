import type { SimReply, SimRequest } from '../http/types';
import { auth0Errors } from './errors';
import type { Auth0User, MfaToken } from './model';
import type { Auth0State } from './state';

/** Request parameters as strings, from a form or JSON body. */
export function params(req: SimRequest): Record<string, string> {
  const body = typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

export function rawBody(req: SimRequest): Record<string, unknown> {
  return typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
}

/** The application client: client_id must be the tenant's; a client_secret, when sent, must match. */
export function rejectClient(state: Auth0State, p: Record<string, string>): SimReply | undefined {
  if (p.client_id !== state.config.clientId) return auth0Errors.invalidClient();
  if (p.client_secret !== undefined && p.client_secret !== state.config.clientSecret) return auth0Errors.invalidClient();
  return undefined;
}

export type MfaContext = { user: Auth0User; entry: MfaToken; token: string };

export function resolveMfaToken(state: Auth0State, token: string | undefined): MfaContext | SimReply {
  if (!token) return auth0Errors.missing('mfa_token');
  const entry = state.mfaTokens.get(token);
  if (!entry) return auth0Errors.malformedMfaToken();
  if (state.now() >= entry.expiresAt) return auth0Errors.expiredMfaToken();
  const user = state.users.get(entry.userId);
  if (!user) return auth0Errors.malformedMfaToken();
  return { user, entry, token };
}

export function isReply(value: unknown): value is SimReply {
  return typeof value === 'object' && value !== null && 'status' in value;
}
