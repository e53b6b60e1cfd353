import type { Handler, SimRequest } from '../http/types';
import { notFound } from './errors';
import type { OktaUser } from './model';
import type { OktaOrg } from './org';

/** Wraps a management-API handler with the SSWS token check. */
export function withApiToken(org: OktaOrg, handler: Handler): Handler {
  return (req) => org.requireApiToken(req) ?? handler(req);
}

/** Wraps a handler that needs the `:userId`/`:id` user, answering E0000007 when it is unknown. */
export function withUser(org: OktaOrg, handler: (req: SimRequest, user: OktaUser) => ReturnType<Handler>): Handler {
  return withApiToken(org, (req) => {
    const key = req.params.userId ?? req.params.id ?? '';
    const user = org.findUser(key);
    return user ? handler(req, user) : notFound(key, 'User');
  });
}

export function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function objectBody(req: SimRequest): Record<string, unknown> {
  return asObject(req.body);
}

export function stringField(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' ? value : undefined;
}
