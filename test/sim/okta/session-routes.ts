import type { Router } from '../http/router';
import type { SimReply, SimRequest } from '../http/types';
import { isoTime, randomId } from '../ids';
import { oktaError } from './errors';
import type { OktaSession } from './model';
import type { OktaOrg } from './org';
import { link } from './views';

const SESSION_TTL_MS = 2 * 60 * 60_000;

/** Turns a one-time sessionToken into a browser session (`sid` cookie) and serves `/api/v1/sessions/me`. */
export function registerSessionRoutes(router: Router, org: OktaOrg): void {
  router.add('GET', '/login/sessionCookieRedirect', (req) => redeem(org, req));
  router.add('GET', '/api/v1/sessions/me', (req) => {
    const session = currentSession(org, req);
    return session ? { status: 200, json: sessionView(org, session) } : oktaError('E0000007', { arg: 'Resource not found: me (Session)' });
  });
  router.add('DELETE', '/api/v1/sessions/me', (req) => {
    const session = currentSession(org, req);
    if (!session) return oktaError('E0000007', { arg: 'Resource not found: me (Session)' });
    org.sessions.delete(session.id);
    return { status: 204, headers: { 'set-cookie': 'sid=""; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly' } };
  });
}

function redeem(org: OktaOrg, req: SimRequest): SimReply {
  const token = req.query.get('token') ?? '';
  const entry = org.sessionTokens.get(token);
  org.sessionTokens.delete(token);
  const now = org.now();
  if (!entry || now >= entry.expiresAt) {
    return { status: 403, raw: { contentType: 'text/html; charset=utf-8', data: '<!doctype html><title>Sign-in failed</title><p>The session token is invalid or expired.</p>' } };
  }
  const session: OktaSession = { id: randomId('102', 22), userId: entry.userId, createdAt: now, expiresAt: now + SESSION_TTL_MS, amr: ['pwd', 'mfa'] };
  org.sessions.set(session.id, session);
  const redirect = req.query.get('redirectUrl') ?? `${org.config.baseUrl}/`;
  return {
    status: 302,
    headers: { location: redirect, 'set-cookie': `sid=${session.id}; Path=/; HttpOnly` },
    raw: { contentType: 'text/plain', data: '' },
  };
}

function currentSession(org: OktaOrg, req: SimRequest): OktaSession | undefined {
  const session = org.sessions.get(req.cookies.sid ?? '');
  if (!session) return undefined;
  if (org.now() >= session.expiresAt) {
    org.sessions.delete(session.id);
    return undefined;
  }
  return session;
}

function sessionView(org: OktaOrg, session: OktaSession): Record<string, unknown> {
  const user = org.users.get(session.userId);
  const self = org.url(`/api/v1/sessions/${session.id}`);
  return {
    id: session.id,
    userId: session.userId,
    login: user?.profile.login ?? '',
    createdAt: isoTime(session.createdAt),
    expiresAt: isoTime(session.expiresAt),
    status: 'ACTIVE',
    lastPasswordVerification: isoTime(session.createdAt),
    lastFactorVerification: isoTime(session.createdAt),
    amr: session.amr,
    idp: { id: '00osimulatorOktaIdp0', type: 'OKTA' },
    mfaActive: true,
    _links: {
      self: link(org.url('/api/v1/sessions/me'), ['GET', 'DELETE']),
      refresh: link(org.url('/api/v1/sessions/me/lifecycle/refresh'), ['POST']),
      user: link(org.url(`/api/v1/users/${session.userId}`), ['GET'], { name: `${user?.profile.firstName ?? ''} ${user?.profile.lastName ?? ''}`.trim() }),
      session: link(self, ['GET']),
    },
  };
}
