import type { Router } from '../http/router';
import type { SimReply, SimRequest } from '../http/types';
import { randomId } from '../ids';
import { newTotpSecret } from '../totp';
import { notFound, oktaError } from './errors';
import { objectBody, stringField } from './guard';
import type { AuthnStatus, AuthnTransaction, OktaFactor, OktaUser } from './model';
import type { OktaOrg } from './org';
import { rejectPasscode } from './passcode';
import { enrollableFactors, transactionView, type TransactionExtras } from './authn-views';

const SESSION_TOKEN_TTL_MS = 5 * 60_000;

type TxHandler = (req: SimRequest, tx: AuthnTransaction, user: OktaUser) => SimReply;

/**
 * The classic Authentication API: primary authentication, factor enrolment and activation
 * (TOTP, Okta Verify push), factor verification with push polling, cancel and previous.
 */
export function registerAuthnRoutes(router: Router, org: OktaOrg): void {
  const inState = (states: AuthnStatus[], handler: TxHandler) => (req: SimRequest) => withTransaction(org, req, states, handler);

  router.add('POST', '/api/v1/authn', (req) => {
    const body = objectBody(req);
    if (typeof body.stateToken === 'string' && body.username === undefined) {
      return withTransaction(org, req, ['MFA_ENROLL', 'MFA_ENROLL_ACTIVATE', 'MFA_REQUIRED', 'MFA_CHALLENGE', 'SUCCESS'], (_r, tx, user) => reply(org, tx, user));
    }
    return primaryAuthentication(org, body);
  });
  router.add('POST', '/api/v1/authn/cancel', inState(['MFA_ENROLL', 'MFA_ENROLL_ACTIVATE', 'MFA_REQUIRED', 'MFA_CHALLENGE'], (_req, tx) => {
    org.transactions.delete(tx.stateToken);
    return { status: 200, json: {} };
  }));
  router.add('POST', '/api/v1/authn/previous', inState(['MFA_ENROLL_ACTIVATE', 'MFA_CHALLENGE'], (_req, tx, user) => previous(org, tx, user)));
  router.add('POST', '/api/v1/authn/factors', inState(['MFA_ENROLL', 'MFA_ENROLL_ACTIVATE'], (req, tx, user) => enrol(org, req, tx, user)));
  router.add('POST', '/api/v1/authn/factors/:factorId/lifecycle/activate', inState(['MFA_ENROLL_ACTIVATE'], (req, tx, user) => activate(org, req, tx, user)));
  router.add('POST', '/api/v1/authn/factors/:factorId/lifecycle/activate/poll', inState(['MFA_ENROLL_ACTIVATE'], (req, tx, user) => pollActivation(org, req, tx, user)));
  router.add('POST', '/api/v1/authn/factors/:factorId/verify', inState(['MFA_REQUIRED', 'MFA_CHALLENGE'], (req, tx, user) => verify(org, req, tx, user)));
  router.add('POST', '/api/v1/authn/factors/:factorId/verify/resend', inState(['MFA_CHALLENGE'], (req, tx, user) => {
    const factor = activeFactor(org, user, req.params.factorId);
    if (!factor || factor.factorType !== 'push') return notFound(req.params.factorId ?? '', 'UserFactor');
    return sendPush(org, tx, user, factor);
  }));
}

function withTransaction(org: OktaOrg, req: SimRequest, states: AuthnStatus[], handler: TxHandler): SimReply {
  const stateToken = stringField(objectBody(req), 'stateToken');
  const tx = stateToken ? org.transactions.get(stateToken) : undefined;
  if (!tx || org.now() >= tx.expiresAt) {
    if (tx) org.transactions.delete(tx.stateToken);
    return oktaError('E0000011');
  }
  const user = org.users.get(tx.userId);
  if (!user) return oktaError('E0000011');
  if (!states.includes(tx.status)) {
    return oktaError('E0000079', { causes: ['This operation is not allowed in the current authentication state.'] });
  }
  return handler(req, tx, user);
}

function reply(org: OktaOrg, tx: AuthnTransaction, user: OktaUser, extras: TransactionExtras = {}): SimReply {
  return { status: 200, json: transactionView(org, tx, user, extras) };
}

function primaryAuthentication(org: OktaOrg, body: Record<string, unknown>): SimReply {
  const username = stringField(body, 'username');
  const password = stringField(body, 'password');
  const user = username ? org.findUser(username) : undefined;
  if (!user || user.status !== 'ACTIVE' || !password || user.password !== password) return oktaError('E0000004');
  const tx: AuthnTransaction = {
    stateToken: randomId('00', 40),
    userId: user.id,
    status: 'MFA_REQUIRED',
    expiresAt: org.now() + org.config.stateTokenTtlMs,
  };
  const hasFactor = org.userFactors(user.id).some((f) => f.status === 'ACTIVE');
  if (hasFactor) tx.status = 'MFA_REQUIRED';
  else if (org.config.requireMfa) tx.status = 'MFA_ENROLL';
  else succeed(org, tx, user);
  org.transactions.set(tx.stateToken, tx);
  return reply(org, tx, user);
}

function succeed(org: OktaOrg, tx: AuthnTransaction, user: OktaUser): void {
  const now = org.now();
  tx.status = 'SUCCESS';
  tx.sessionToken = randomId('20111', 50);
  tx.expiresAt = now + SESSION_TOKEN_TTL_MS;
  delete tx.pushId;
  user.lastLogin = now;
  org.sessionTokens.set(tx.sessionToken, { userId: user.id, expiresAt: tx.expiresAt });
}

function previous(org: OktaOrg, tx: AuthnTransaction, user: OktaUser): SimReply {
  if (tx.status === 'MFA_ENROLL_ACTIVATE') {
    if (tx.factorId) org.factors.delete(tx.factorId);
    tx.status = 'MFA_ENROLL';
  } else {
    tx.status = 'MFA_REQUIRED';
  }
  delete tx.factorId;
  delete tx.pushId;
  return reply(org, tx, user);
}

function enrol(org: OktaOrg, req: SimRequest, tx: AuthnTransaction, user: OktaUser): SimReply {
  const body = objectBody(req);
  const wanted = enrollableFactors.find((f) => f.factorType === body.factorType && f.provider === body.provider);
  if (!wanted) {
    return oktaError('E0000001', { arg: 'factorType: The factor type and provider are not supported', causes: ['factorType: The factor type and provider are not supported'] });
  }
  if (tx.factorId) org.factors.delete(tx.factorId);
  const factor = org.addFactor(user.id, wanted.factorType, wanted.provider, wanted.factorType === 'push' ? null : newTotpSecret());
  tx.status = 'MFA_ENROLL_ACTIVATE';
  tx.factorId = factor.id;
  delete tx.pushId;
  if (factor.factorType === 'push') tx.pushId = org.pushes.create(user.id, { factorId: factor.id, purpose: 'activate' }).id;
  return reply(org, tx, user);
}

function activate(org: OktaOrg, req: SimRequest, tx: AuthnTransaction, user: OktaUser): SimReply {
  const factor = tx.factorId === req.params.factorId ? org.factors.get(tx.factorId ?? '') : undefined;
  if (!factor) return notFound(req.params.factorId ?? '', 'UserFactor');
  if (factor.factorType === 'push') return pollActivation(org, req, tx, user);
  const rejected = rejectPasscode(org, factor, objectBody(req).passCode);
  if (rejected) return rejected;
  org.activateFactor(factor);
  succeed(org, tx, user);
  return reply(org, tx, user);
}

/** Okta Verify enrolment: WAITING until the simulated phone scans and approves, TIMEOUT after the push timeout. */
function pollActivation(org: OktaOrg, req: SimRequest, tx: AuthnTransaction, user: OktaUser): SimReply {
  const factor = tx.factorId === req.params.factorId ? org.factors.get(tx.factorId ?? '') : undefined;
  if (!factor || factor.factorType !== 'push') return notFound(req.params.factorId ?? '', 'UserFactor');
  if (factor.status === 'ACTIVE') {
    succeed(org, tx, user);
    return reply(org, tx, user);
  }
  const push = tx.pushId ? org.pushes.get(tx.pushId) : undefined;
  const state = push ? org.pushes.state(push) : 'TIMEOUT';
  return reply(org, tx, user, { factorResult: state === 'WAITING' ? 'WAITING' : state === 'REJECTED' ? 'REJECTED' : 'TIMEOUT' });
}

function activeFactor(org: OktaOrg, user: OktaUser, factorId: string | undefined): OktaFactor | undefined {
  const factor = org.factors.get(factorId ?? '');
  return factor && factor.userId === user.id && factor.status === 'ACTIVE' ? factor : undefined;
}

function verify(org: OktaOrg, req: SimRequest, tx: AuthnTransaction, user: OktaUser): SimReply {
  const factor = activeFactor(org, user, req.params.factorId);
  if (!factor) return notFound(req.params.factorId ?? '', 'UserFactor');
  if (factor.factorType === 'token:software:totp') {
    const rejected = rejectPasscode(org, factor, objectBody(req).passCode);
    if (rejected) return rejected;
    succeed(org, tx, user);
    return reply(org, tx, user);
  }
  const push = tx.status === 'MFA_CHALLENGE' && tx.factorId === factor.id && tx.pushId ? org.pushes.get(tx.pushId) : undefined;
  if (!push) return sendPush(org, tx, user, factor);
  const state = org.pushes.state(push);
  if (state === 'WAITING') return reply(org, tx, user, { factorResult: 'WAITING' });
  if (state === 'APPROVED') {
    succeed(org, tx, user);
    return reply(org, tx, user);
  }
  if (push.data.reported) return sendPush(org, tx, user, factor);
  push.data.reported = true;
  return reply(org, tx, user, { factorResult: state });
}

/** A new prompt replaces the transaction's earlier one, so the phone only ever answers the latest. */
function sendPush(org: OktaOrg, tx: AuthnTransaction, user: OktaUser, factor: OktaFactor): SimReply {
  if (tx.pushId) org.pushes.delete(tx.pushId);
  tx.status = 'MFA_CHALLENGE';
  tx.factorId = factor.id;
  tx.pushId = org.pushes.create(user.id, { factorId: factor.id, purpose: 'verify' }).id;
  return reply(org, tx, user, { factorResult: 'WAITING' });
}
