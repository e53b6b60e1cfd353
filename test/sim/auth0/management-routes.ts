import type { Router } from '../http/router';
import type { Handler, SimReply } from '../http/types';
import { isoTime } from '../ids';
import { managementError } from './errors';
import type { Auth0User } from './model';
import { params } from './params';
import type { Auth0State } from './state';

/** The slice of the Management API (v2) an admin needs to create and remove test users. */
export function registerManagementRoutes(router: Router, state: Auth0State): void {
  const guarded = (handler: Handler): Handler => (req) => {
    const token = state.bearer(req.headers.authorization);
    const access = token ? state.accessTokens.get(token) : undefined;
    if (!access || access.kind !== 'management' || state.now() >= access.expiresAt) {
      return managementError(401, 'Unauthorized', 'Invalid token', 'invalid_token');
    }
    return handler(req);
  };
  router.add('POST', '/api/v2/users', guarded((req) => createUser(state, params(req), req.body)));
  router.add('GET', '/api/v2/users/:id', guarded((req) => {
    const user = state.users.get(req.params.id ?? '');
    return user ? { status: 200, json: userView(user) } : managementError(404, 'Not Found', 'The user does not exist.', 'inexistent_user');
  }));
  router.add('DELETE', '/api/v2/users/:id', guarded((req) => {
    state.deleteUser(req.params.id ?? '');
    return { status: 204 };
  }));
  // The user search, for the one query Traykey sends: q=username:"…" (search engine v3).
  router.add('GET', '/api/v2/users', guarded((req) => {
    const match = /^username:"([^"\\]*)"$/.exec(req.query.get('q') ?? '');
    if (!match || req.query.get('search_engine') !== 'v3') return managementError(400, 'Bad Request', 'Query validation error: the simulator answers only q=username:"…" with search_engine=v3', 'invalid_query_string');
    const username = (match[1] ?? '').toLowerCase();
    return { status: 200, json: [...state.users.values()].filter((u) => u.username?.toLowerCase() === username).map(userView) };
  }));
  router.add('GET', '/api/v2/users-by-email', guarded((req) => {
    const email = (req.query.get('email') ?? '').toLowerCase();
    if (!email) return managementError(400, 'Bad Request', 'Query validation error: Missing required property: email', 'invalid_query_string');
    return { status: 200, json: [...state.users.values()].filter((u) => u.email.toLowerCase() === email).map(userView) };
  }));
}

function createUser(state: Auth0State, p: Record<string, string>, body: unknown): SimReply {
  if (!p.connection) return managementError(400, 'Bad Request', 'Payload validation error: Missing required property: connection', 'invalid_body');
  if (p.connection !== state.config.realm) return managementError(400, 'Bad Request', 'The connection does not exist.', 'inexistent_connection');
  if (!p.email) return managementError(400, 'Bad Request', 'Payload validation error: Missing required property: email', 'invalid_body');
  if (!p.password) return managementError(400, 'Bad Request', 'Payload validation error: Missing required property: password', 'invalid_body');
  if (state.findUser(p.email) || (p.username && state.findUser(p.username))) return managementError(409, 'Conflict', 'The user already exists.', 'auth0_idp_error');
  const verified = typeof body === 'object' && body !== null && (body as Record<string, unknown>).email_verified === true;
  const user = state.addUser({ email: p.email, password: p.password, username: p.username ?? null, emailVerified: verified, connection: p.connection });
  return { status: 201, json: userView(user) };
}

export function userView(user: Auth0User): Record<string, unknown> {
  const id = user.userId.slice('auth0|'.length);
  return {
    user_id: user.userId,
    email: user.email,
    email_verified: user.emailVerified,
    ...(user.username ? { username: user.username } : {}),
    name: user.email,
    nickname: user.email.split('@')[0],
    picture: 'https://s.gravatar.com/avatar/00000000000000000000000000000000?s=480&r=pg&d=identicon',
    created_at: isoTime(user.createdAt),
    updated_at: isoTime(user.updatedAt),
    identities: [{ connection: user.connection, user_id: id, provider: 'auth0', isSocial: false }],
    multifactor: user.authenticators.some((a) => a.active && a.authenticatorType !== 'recovery-code') ? ['guardian'] : [],
  };
}
