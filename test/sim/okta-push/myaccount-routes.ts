import type { Router } from '../http/router';
import type { Handler, SimReply, SimRequest } from '../http/types';
import { isoTime, randomId } from '../ids';
import { enrollmentPatch, enrollmentRequest, firstIssue, usableKey } from './enrollment-body';
import { insufficientScope, invalidToken, myAccountError, myAccountNotEnabled, validationFailed, bearerToken } from './replies';
import { lookUpAccessToken } from './tokens';
import type { AccessToken, Enrollment, OktaPushState } from './state';
import { registerVerifyRoute } from './verify-route';

export const SCOPE = {
  manage: 'okta.myAccount.appAuthenticator.manage',
  maintenanceRead: 'okta.myAccount.appAuthenticator.maintenance.read',
  maintenanceManage: 'okta.myAccount.appAuthenticator.maintenance.manage',
} as const;

const BASE = '/idp/myaccount/app-authenticators';
const VERSION = /okta-version=1\.0\.0/;

type Authed = (req: SimRequest, grant: AccessToken) => SimReply | Promise<SimReply>;

/** MyAccount App Authenticators: enrol, update, delete, and the pending-challenge list. */
export function registerMyAccountRoutes(router: Router, state: OktaPushState): void {
  const authed = (scopes: string[], handler: Authed): Handler => myAccount(state, (req) => {
    const grant = lookUpAccessToken(state, bearerToken(req));
    if (!grant) return invalidToken();
    if (!scopes.some((scope) => grant.scopes.includes(scope))) return insufficientScope();
    return handler(req, grant);
  });
  const ownEnrollment = (scopes: string[], handler: (req: SimRequest, enrollment: Enrollment) => SimReply | Promise<SimReply>): Handler =>
    authed(scopes, (req, grant) => {
      const enrollment = state.enrollments.get(req.params.enrollmentId ?? '');
      if (!enrollment || enrollment.userId !== grant.userId || (grant.enrollmentId !== undefined && grant.enrollmentId !== enrollment.id)) {
        return myAccountError(404, 'E0000007', `Not found: Resource not found: ${req.params.enrollmentId ?? ''} (AppAuthenticatorEnrollment)`);
      }
      return handler(req, enrollment);
    });

  router.add('POST', BASE, authed([SCOPE.manage], (req, grant) => enrol(state, req, grant)));
  router.add('PATCH', `${BASE}/:enrollmentId`, ownEnrollment([SCOPE.manage, SCOPE.maintenanceManage], (req, enrollment) => patch(state, req, enrollment)));
  router.add('DELETE', `${BASE}/:enrollmentId`, ownEnrollment([SCOPE.manage], (_req, enrollment) => {
    state.enrollments.delete(enrollment.id);
    for (const challenge of state.challenges.values()) if (challenge.enrollmentId === enrollment.id) state.challenges.delete(challenge.transactionId);
    return { status: 204 };
  }));
  router.add('GET', `${BASE}/:enrollmentId/push/notifications`, ownEnrollment([SCOPE.maintenanceRead, SCOPE.maintenanceManage, SCOPE.manage], (_req, enrollment) => ({
    status: 200,
    json: state.waitingChallenges(enrollment.id).map((challenge) => ({ payloadVersion: 'IDXv1', challenge: challenge.jwt })),
  })));
  registerVerifyRoute(router, state, (handler) => myAccount(state, handler));
}

/** MyAccount must be on for the org, and every call names API version 1.0.0 in Accept. */
function myAccount(state: OktaPushState, handler: Handler): Handler {
  return (req) => {
    if (!state.settings.myAccountEnabled) return myAccountNotEnabled();
    const accept = req.headers.accept ?? '';
    if (!VERSION.test(accept)) return validationFailed('Accept', 'Send Accept: application/json; okta-version=1.0.0.');
    return handler(req);
  };
}

async function enrol(state: OktaPushState, req: SimRequest, grant: AccessToken): Promise<SimReply> {
  const parsed = enrollmentRequest.safeParse(req.body);
  if (!parsed.success) return validationFailed('enrollment', firstIssue(parsed.error));
  const body = parsed.data;
  if (body.authenticatorId !== state.authenticatorId) return validationFailed('authenticatorId', 'authenticatorId: No custom authenticator with this id in the org.');
  const { device } = body;
  const push = body.methods.push;
  const allowed = state.settings.allowedPlatforms;
  if (allowed.length > 0 && !allowed.includes(device.platform)) {
    return validationFailed('device.platform', `device.platform: The platform ${device.platform} is not supported. Supported: ${allowed.join(', ')}.`);
  }
  for (const key of [device.clientInstanceKey, push.keys.proofOfPossession, push.keys.userVerification]) {
    if (key && !(await usableKey(key))) return validationFailed('keys', `keys: The key ${key.kid} is not a valid public key.`);
  }
  const now = state.now();
  const { clientInstanceKey, ...deviceFields } = device;
  const enrollment: Enrollment = {
    id: randomId('pfd', 17),
    userId: grant.userId,
    createdAt: now,
    updatedAt: now,
    device: { ...deviceFields, id: randomId('guo', 17), clientInstanceId: randomId('cli', 17) },
    deviceKey: clientInstanceKey,
    methodId: randomId('opf', 17),
    pushToken: push.pushToken,
    proofOfPossession: push.keys.proofOfPossession,
    ...(push.keys.userVerification ? { userVerification: push.keys.userVerification } : {}),
    transactionTypes: push.capabilities?.transactionTypes ?? ['LOGIN'],
  };
  state.enrollments.set(enrollment.id, enrollment);
  return { status: 200, json: enrollmentView(state, enrollment) };
}

function patch(state: OktaPushState, req: SimRequest, enrollment: Enrollment): SimReply {
  const parsed = enrollmentPatch.safeParse(req.body);
  if (!parsed.success) return validationFailed('enrollment', firstIssue(parsed.error));
  const push = parsed.data.methods.push;
  if (push.pushToken !== undefined) enrollment.pushToken = push.pushToken;
  if (push.keys?.userVerification === null) delete enrollment.userVerification;
  else if (push.keys?.userVerification) enrollment.userVerification = push.keys.userVerification;
  if (push.capabilities) enrollment.transactionTypes = push.capabilities.transactionTypes;
  enrollment.updatedAt = state.now();
  return { status: 200, json: enrollmentView(state, enrollment) };
}

export function enrollmentView(state: OktaPushState, enrollment: Enrollment): Record<string, unknown> {
  const self = state.org.url(`${BASE}/${enrollment.id}`);
  const user = state.org.users.get(enrollment.userId);
  return {
    id: enrollment.id,
    authenticatorId: state.authenticatorId,
    createdDate: isoTime(enrollment.createdAt),
    lastUpdated: isoTime(enrollment.updatedAt),
    device: { ...enrollment.device, status: 'ACTIVE', createdDate: isoTime(enrollment.createdAt), lastUpdated: isoTime(enrollment.updatedAt) },
    user: { id: enrollment.userId, username: user?.profile.login ?? '' },
    links: { self: { href: self, hints: { allow: ['PATCH', 'DELETE'] } } },
    methods: {
      push: {
        id: enrollment.methodId,
        createdDate: isoTime(enrollment.createdAt),
        lastUpdated: isoTime(enrollment.updatedAt),
        capabilities: { transactionTypes: enrollment.transactionTypes },
        links: { pending: { href: `${self}/push/notifications`, hints: { allow: ['GET'] } } },
      },
    },
  };
}
