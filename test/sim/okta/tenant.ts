import { Router } from '../http/router';
import type { Tenant } from '../http/tenant';
import { RateLimiter, defaultOktaRateLimits, type RateLimitRule } from '../rate-limit';
import { oktaError } from './errors';
import { OktaOrg, type OktaOrgConfig, type OktaSeedUser } from './org';
import { registerAuthnRoutes } from './authn-routes';
import { registerControlRoutes } from './control-routes';
import { registerFactorRoutes } from './factors-routes';
import { registerSessionRoutes } from './session-routes';
import { registerUserRoutes } from './users-routes';
import { registerOktaPushRoutes } from '../okta-push';

export interface OktaTenant extends Tenant {
  org: OktaOrg;
}

export function createOktaTenant(config: OktaOrgConfig, rateLimits: RateLimitRule[] = defaultOktaRateLimits): OktaTenant {
  const org = new OktaOrg(config);
  const router = new Router();
  registerControlRoutes(router, org);
  registerUserRoutes(router, org);
  registerFactorRoutes(router, org);
  registerAuthnRoutes(router, org);
  registerSessionRoutes(router, org);
  registerOktaPushRoutes(router, org);
  return {
    org,
    router,
    rateLimiter: new RateLimiter(rateLimits, config.clock),
    rateLimitHeaders: (v) => ({ 'x-rate-limit-limit': String(v.limit), 'x-rate-limit-remaining': String(v.remaining), 'x-rate-limit-reset': String(v.reset) }),
    notFound: (req) => oktaError('E0000007', { arg: req.path }),
    methodNotAllowed: () => oktaError('E0000022'),
    malformedBody: () => oktaError('E0000003'),
    rateLimited: () => oktaError('E0000047'),
    serverError: (status) => oktaError('E0000009', { status }),
  };
}

/** Creates active users with their factors already enrolled. */
export function seedOktaUsers(org: OktaOrg, users: OktaSeedUser[]): void {
  for (const seed of users) {
    const user = org.addUser({ login: seed.login, firstName: seed.firstName ?? null, lastName: seed.lastName ?? null, password: seed.password, status: 'ACTIVE' });
    if (seed.totpSecret) org.activateFactor(org.addFactor(user.id, 'token:software:totp', 'GOOGLE', seed.totpSecret));
    if (seed.push) org.activateFactor(org.addFactor(user.id, 'push', 'OKTA', null));
  }
}
