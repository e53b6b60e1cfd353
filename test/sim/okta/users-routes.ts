import type { Router } from '../http/router';
import type { SimReply } from '../http/types';
import { oktaError } from './errors';
import { asObject, objectBody, stringField, withApiToken, withUser } from './guard';
import type { OktaUser } from './model';
import type { OktaOrg } from './org';
import { userView } from './views';

const MIN_PASSWORD_LENGTH = 8;

export function registerUserRoutes(router: Router, org: OktaOrg): void {
  router.add('POST', '/api/v1/users', withApiToken(org, (req) => createUser(org, objectBody(req), req.query.get('activate') !== 'false')));
  router.add('GET', '/api/v1/users', withApiToken(org, (req) => ({ status: 200, json: listUsers(org, req.query).map((u) => userView(org, u)) })));
  router.add('GET', '/api/v1/users/:id', withUser(org, (_req, user) => ({ status: 200, json: userView(org, user) })));
  router.add('DELETE', '/api/v1/users/:id', withUser(org, (_req, user) => deleteUser(org, user)));
  router.add('POST', '/api/v1/users/:id/lifecycle/activate', withUser(org, (req, user) => activateUser(org, user, req.query.get('sendEmail') === 'false')));
  router.add('POST', '/api/v1/users/:id/lifecycle/deactivate', withUser(org, (_req, user) => deactivateUser(org, user)));
  router.add('POST', '/api/v1/users/:id/lifecycle/reset_factors', withUser(org, (_req, user) => {
    for (const factor of org.userFactors(user.id)) org.factors.delete(factor.id);
    return { status: 200, json: {} };
  }));
}

function createUser(org: OktaOrg, body: Record<string, unknown>, activate: boolean): SimReply {
  const profile = asObject(body.profile);
  const credentials = asObject(body.credentials);
  const password = stringField(asObject(credentials.password), 'value');
  const login = stringField(profile, 'login');
  const email = stringField(profile, 'email');
  const causes: string[] = [];
  if (!login) causes.push('login: The field cannot be left blank');
  if (!email) causes.push('email: The field cannot be left blank');
  if (login && org.findUser(login)?.profile.login.toLowerCase() === login.toLowerCase()) {
    causes.push('login: An object with this field already exists in the current organization');
  }
  if (password !== undefined && password.length < MIN_PASSWORD_LENGTH) {
    causes.push(`password: Password requirements were not met. Password requirements: at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  if (causes.length > 0) return oktaError('E0000001', { arg: causes.join(', '), causes });
  const groupIds = Array.isArray(body.groupIds) ? body.groupIds.filter((g): g is string => typeof g === 'string') : [];
  const { login: _l, email: _e, firstName, lastName, ...extra } = profile;
  const user = org.addUser({
    login: login as string,
    email: email as string,
    firstName: typeof firstName === 'string' ? firstName : null,
    lastName: typeof lastName === 'string' ? lastName : null,
    password: password ?? null,
    status: activate ? (password ? 'ACTIVE' : 'PROVISIONED') : 'STAGED',
    groupIds,
    extra,
  });
  return { status: 200, json: userView(org, user) };
}

/** Enough of Okta's `q` (prefix) and `filter`/`search` (`profile.login eq "…"`) for lookups. */
function listUsers(org: OktaOrg, query: URLSearchParams): OktaUser[] {
  const all = [...org.users.values()];
  const q = query.get('q')?.toLowerCase();
  const expression = query.get('filter') ?? query.get('search');
  const limit = Number(query.get('limit') ?? '200');
  let users = all;
  if (q) {
    users = users.filter((u) => [u.profile.login, u.profile.email, u.profile.firstName ?? '', u.profile.lastName ?? ''].some((v) => v.toLowerCase().startsWith(q)));
  }
  if (expression) {
    const match = /^(profile\.\w+|status|id)\s+eq\s+"([^"]*)"$/.exec(expression.trim());
    if (match) {
      const [, field = '', value = ''] = match;
      users = users.filter((u) => fieldValue(u, field).toLowerCase() === value.toLowerCase());
    }
  }
  return users.slice(0, Number.isFinite(limit) && limit > 0 ? limit : 200);
}

function fieldValue(user: OktaUser, field: string): string {
  if (field === 'status') return user.status;
  if (field === 'id') return user.id;
  const value = user.profile[field.slice('profile.'.length)];
  return typeof value === 'string' ? value : '';
}

function activateUser(org: OktaOrg, user: OktaUser, sendEmailFalse: boolean): SimReply {
  if (user.status === 'ACTIVE') return oktaError('E0000038', { status: 403 });
  const now = org.now();
  user.status = user.password ? 'ACTIVE' : 'PROVISIONED';
  user.activated = now;
  user.statusChanged = now;
  user.lastUpdated = now;
  if (!sendEmailFalse) return { status: 200, json: {} };
  const activationToken = `sim${user.id}`;
  return { status: 200, json: { activationUrl: org.url(`/welcome/${activationToken}`), activationToken } };
}

function deactivateUser(org: OktaOrg, user: OktaUser): SimReply {
  if (user.status === 'DEPROVISIONED') return oktaError('E0000038');
  const now = org.now();
  user.status = 'DEPROVISIONED';
  user.statusChanged = now;
  user.lastUpdated = now;
  return { status: 200, json: {} };
}

/** Like Okta: deleting a user that is not deactivated only deactivates it; the second DELETE removes it. */
function deleteUser(org: OktaOrg, user: OktaUser): SimReply {
  if (user.status !== 'DEPROVISIONED') {
    deactivateUser(org, user);
    return { status: 204 };
  }
  org.deleteUser(user.id);
  return { status: 204 };
}
