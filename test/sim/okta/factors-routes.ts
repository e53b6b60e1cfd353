import type { Router } from '../http/router';
import type { Handler, SimReply, SimRequest } from '../http/types';
import { isoTime } from '../ids';
import { newTotpSecret } from '../totp';
import { notFound, oktaError } from './errors';
import { objectBody, stringField, withUser } from './guard';
import type { OktaFactor, OktaUser } from './model';
import type { OktaOrg } from './org';
import { rejectPasscode } from './passcode';
import { factorProfile, factorView, link } from './views';

const BASE = '/api/v1/users/:userId/factors';

/** The Factors API (`/api/v1/users/{userId}/factors…`) for TOTP (Google, Okta Verify) and Okta Verify push. */
export function registerFactorRoutes(router: Router, org: OktaOrg): void {
  router.add('GET', BASE, withUser(org, (_req, user) => ({ status: 200, json: org.userFactors(user.id).map((f) => factorView(org, f)) })));
  router.add('POST', BASE, withUser(org, (req, user) => enrol(org, req, user)));
  router.add('GET', `${BASE}/:factorId`, withFactor(org, (_req, factor) => ({ status: 200, json: factorView(org, factor, { withActivation: true }) })));
  router.add('DELETE', `${BASE}/:factorId`, withFactor(org, (_req, factor) => {
    org.factors.delete(factor.id);
    return { status: 204 };
  }));
  router.add('POST', `${BASE}/:factorId/lifecycle/activate`, withFactor(org, (req, factor) => activate(org, req, factor)));
  router.add('POST', `${BASE}/:factorId/lifecycle/activate/poll`, withFactor(org, (_req, factor) => pollActivation(org, factor)));
  router.add('POST', `${BASE}/:factorId/verify`, withFactor(org, (req, factor) => verify(org, req, factor)));
  router.add('GET', `${BASE}/:factorId/transactions/:transactionId`, withFactor(org, (req, factor) => transaction(org, factor, req.params.transactionId ?? '')));
  router.add('DELETE', `${BASE}/:factorId/transactions/:transactionId`, withFactor(org, (req, factor) => {
    const tx = org.pushes.get(req.params.transactionId ?? '');
    if (!tx || tx.data.factorId !== factor.id || tx.data.purpose !== 'verify') return notFound(req.params.transactionId ?? '', 'FactorTransaction');
    org.pushes.delete(tx.id);
    return { status: 204 };
  }));
}

function withFactor(org: OktaOrg, handler: (req: SimRequest, factor: OktaFactor, user: OktaUser) => SimReply): Handler {
  return withUser(org, (req, user) => {
    const factor = org.factors.get(req.params.factorId ?? '');
    if (!factor || factor.userId !== user.id) return notFound(req.params.factorId ?? '', 'UserFactor');
    return handler(req, factor, user);
  });
}

function enrol(org: OktaOrg, req: SimRequest, user: OktaUser): SimReply {
  const body = objectBody(req);
  const factorType = stringField(body, 'factorType');
  const provider = stringField(body, 'provider');
  const supported = (factorType === 'token:software:totp' && (provider === 'GOOGLE' || provider === 'OKTA')) || (factorType === 'push' && provider === 'OKTA');
  if (!supported) {
    return oktaError('E0000001', { arg: 'factorType: The factor type and provider are not supported', causes: ['factorType: The factor type and provider are not supported'] });
  }
  const existing = org.userFactors(user.id).find((f) => f.factorType === factorType && f.provider === provider);
  if (existing?.status === 'ACTIVE') {
    return oktaError('E0000001', { arg: 'factorType: A factor of this type is already set up.', causes: ['factorType: A factor of this type is already set up.'] });
  }
  if (existing) org.factors.delete(existing.id);
  const factor = org.addFactor(user.id, factorType, provider, factorType === 'push' ? null : newTotpSecret());
  if (factor.factorType === 'push') org.pushes.create(user.id, { factorId: factor.id, purpose: 'activate' });
  return { status: 200, json: factorView(org, factor, { withActivation: true }) };
}

function activate(org: OktaOrg, req: SimRequest, factor: OktaFactor): SimReply {
  if (factor.status === 'ACTIVE') return oktaError('E0000001', { arg: 'Factor is already active', causes: ['Factor is already active'] });
  if (factor.factorType === 'push') return pollActivation(org, factor);
  const rejected = rejectPasscode(org, factor, objectBody(req).passCode);
  if (rejected) return rejected;
  org.activateFactor(factor);
  return { status: 200, json: factorView(org, factor) };
}

/** Okta Verify enrolment: WAITING until the simulated phone approves (control route), then ACTIVE. */
function pollActivation(org: OktaOrg, factor: OktaFactor): SimReply {
  if (factor.status === 'ACTIVE') return { status: 200, json: factorView(org, factor) };
  const waiting = org.pushes.waitingFor(factor.userId).some((tx) => tx.data.factorId === factor.id);
  const view = factorView(org, factor, { withActivation: true });
  const activation = (view._embedded as { activation: Record<string, unknown> }).activation;
  activation.factorResult = waiting ? 'WAITING' : 'TIMEOUT';
  return { status: 200, json: { ...view, factorResult: activation.factorResult } };
}

function verify(org: OktaOrg, req: SimRequest, factor: OktaFactor): SimReply {
  if (factor.status !== 'ACTIVE') return oktaError('E0000001', { arg: 'Factor is not active', causes: ['Factor is not active'] });
  if (factor.factorType === 'push') {
    const tx = org.pushes.create(factor.userId, { factorId: factor.id, purpose: 'verify' });
    return { status: 201, json: waitingView(org, factor, tx.id, tx.expiresAt) };
  }
  const rejected = rejectPasscode(org, factor, objectBody(req).passCode);
  return rejected ?? { status: 200, json: { factorResult: 'SUCCESS' } };
}

function transaction(org: OktaOrg, factor: OktaFactor, transactionId: string): SimReply {
  const tx = org.pushes.get(transactionId);
  if (!tx || tx.data.factorId !== factor.id || tx.data.purpose !== 'verify') return notFound(transactionId, 'FactorTransaction');
  const state = org.pushes.state(tx);
  if (state === 'WAITING') return { status: 200, json: waitingView(org, factor, tx.id, tx.expiresAt) };
  if (state === 'APPROVED') return { status: 200, json: { factorResult: 'SUCCESS' } };
  const self = org.url(`/api/v1/users/${factor.userId}/factors/${factor.id}`);
  return {
    status: 200,
    json: {
      factorResult: state,
      profile: { credentialId: factorProfile(org, factor).credentialId },
      _links: { verify: link(`${self}/verify`, ['POST']), factor: link(self, ['GET', 'DELETE']) },
    },
  };
}

/** As Okta's "push challenge" example; the spec's schema types `profile` values as objects, so it is left out. */
function waitingView(org: OktaOrg, factor: OktaFactor, txId: string, expiresAt: number): Record<string, unknown> {
  const href = org.url(`/api/v1/users/${factor.userId}/factors/${factor.id}/transactions/${txId}`);
  return {
    expiresAt: isoTime(expiresAt),
    factorResult: 'WAITING',
    _links: { poll: link(href, ['GET']), cancel: link(href, ['DELETE']) },
  };
}
