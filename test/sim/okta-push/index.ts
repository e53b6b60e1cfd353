import type { Router } from '../http/router';
import type { OktaOrg } from '../okta/org';
import { registerAuthorizeRoutes } from './authorize-routes';
import { registerBackchannelRoute } from './ciba-grant';
import { registerOktaPushControlRoutes } from './control-routes';
import { registerDiscoveryRoutes } from './discovery-routes';
import { registerMyAccountRoutes } from './myaccount-routes';
import { oktaPushState } from './state';
import { registerTokenRoute } from './token-route';

export { oktaPushState, type OktaPushState } from './state';

/** What scripts need to talk to an org's custom authenticator and CIBA client. */
export interface OktaPushInfo {
  /** The OIDC app the approver signs in to (public client, PKCE). */
  oidcClientId: string;
  authenticatorId: string;
  ciba: { clientId: string; clientSecret: string };
}

/** Adds the custom-authenticator (MyAccount), OIDC and CIBA routes of one org to its router. */
export function registerOktaPushRoutes(router: Router, org: OktaOrg): void {
  const state = oktaPushState(org);
  registerOktaPushControlRoutes(router, state);
  registerDiscoveryRoutes(router, state);
  registerMyAccountRoutes(router, state);
  for (const server of state.authServers.keys()) {
    registerAuthorizeRoutes(router, state, server);
    registerTokenRoute(router, state, server);
    registerBackchannelRoute(router, state, server);
  }
}

export function oktaPushInfo(org: OktaOrg): OktaPushInfo {
  const state = oktaPushState(org);
  return { oidcClientId: state.oidcClientId, authenticatorId: state.authenticatorId, ciba: { clientId: state.ciba.clientId, clientSecret: state.ciba.clientSecret } };
}
