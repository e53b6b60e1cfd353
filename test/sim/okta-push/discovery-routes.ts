import type { Router } from '../http/router';
import type { OktaPushState } from './state';

/** The custom authenticator's enrolment discovery, and each authorization server's metadata and JWKS. */
export function registerDiscoveryRoutes(router: Router, state: OktaPushState): void {
  router.add('GET', '/.well-known/app-authenticator-configuration', (req) => {
    if (req.query.get('oauthClientId') !== state.oidcClientId) return { status: 200, json: [] };
    return { status: 200, json: [authenticatorConfiguration(state)] };
  });
  for (const server of state.authServers.keys()) {
    const prefix = state.endpointPrefix(server);
    router.add('GET', `${prefix}/keys`, async () => ({ status: 200, json: await state.signingKey.jwks(), headers: { 'cache-control': 'max-age=3600' } }));
    const metadata = server === 'org' ? '/.well-known/openid-configuration' : `/oauth2/${server}/.well-known/openid-configuration`;
    router.add('GET', metadata, () => ({ status: 200, json: serverMetadata(state, server) }));
  }
}

function authenticatorConfiguration(state: OktaPushState): Record<string, unknown> {
  return {
    authenticatorId: state.authenticatorId,
    orgId: state.orgId,
    key: 'custom_app',
    name: 'Traykey Desktop',
    appAuthenticatorEnrollEndpoint: state.org.url('/idp/myaccount/app-authenticators'),
    settings: { appInstanceId: state.oidcClientId, userVerification: state.settings.userVerification, oauthClientId: state.oidcClientId },
    supportedMethods: [{ type: 'push', status: 'ACTIVE', settings: { algorithms: ['ES256', 'RS256'], keyProtection: 'ANY', transactionTypes: ['LOGIN', 'CIBA'] } }],
  };
}

function serverMetadata(state: OktaPushState, server: string): Record<string, unknown> {
  const base = state.org.config.baseUrl;
  const endpoints = `${base}${state.endpointPrefix(server)}`;
  return {
    issuer: state.issuer(server),
    authorization_endpoint: `${endpoints}/authorize`,
    token_endpoint: `${endpoints}/token`,
    jwks_uri: `${endpoints}/keys`,
    backchannel_authentication_endpoint: `${endpoints}/bc/authorize`,
    backchannel_token_delivery_modes_supported: ['poll'],
    backchannel_user_code_parameter_supported: false,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'password', 'urn:ietf:params:oauth:grant-type:jwt-bearer', 'urn:openid:params:grant-type:ciba'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    id_token_signing_alg_values_supported: ['RS256'],
    subject_types_supported: ['public'],
    scopes_supported: ['openid', 'profile', 'email', 'okta.myAccount.appAuthenticator.manage', 'okta.myAccount.appAuthenticator.maintenance.read', 'okta.myAccount.appAuthenticator.maintenance.manage'],
  };
}
