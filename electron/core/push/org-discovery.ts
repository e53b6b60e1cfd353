import { z } from 'zod';
import { appError } from '../../../shared/errors';
import type { HttpClient } from '../idp/http/client';
import { joinUrl } from '../idp/http/url';
import { UserVerificationDemand } from './challenge';

const OpenIdConfiguration = z.object({
  issuer: z.string(),
  authorization_endpoint: z.string().url(),
  token_endpoint: z.string().url(),
  jwks_uri: z.string().url(),
});

export interface OrgEndpoints {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
}

/** The org authorization server's endpoints; Okta's fixed paths when the org publishes no document. */
export async function discoverOrgEndpoints(http: HttpClient): Promise<OrgEndpoints> {
  const answer = await http.send({ method: 'GET', path: '/.well-known/openid-configuration' });
  const parsed = OpenIdConfiguration.safeParse(answer.status === 200 ? answer.body : undefined);
  if (parsed.success) {
    const { issuer, authorization_endpoint, token_endpoint, jwks_uri } = parsed.data;
    return { issuer, authorizationEndpoint: authorization_endpoint, tokenEndpoint: token_endpoint, jwksUri: jwks_uri };
  }
  const at = (path: string) => joinUrl(http.baseUrl, path).toString();
  return { issuer: http.baseUrl, authorizationEndpoint: at('/oauth2/v1/authorize'), tokenEndpoint: at('/oauth2/v1/token'), jwksUri: at('/oauth2/v1/keys') };
}

const AppAuthenticatorConfig = z.array(
  z
    .object({
      authenticatorId: z.string().min(1),
      key: z.string().optional(),
      name: z.string().optional(),
      appAuthenticatorEnrollEndpoint: z.string().url().optional(),
      settings: z.object({ userVerification: UserVerificationDemand.optional().catch(undefined) }).loose().optional(),
      supportedMethods: z.array(z.object({ type: z.string() }).loose()).optional(),
    })
    .loose(),
);

export interface AuthenticatorConfig {
  authenticatorId: string;
  name: string | undefined;
  enrollEndpoint: string;
  /** The authenticator's policy; REQUIRED means no approval without the OS verifying the person. */
  userVerification: UserVerificationDemand | undefined;
}

/** The custom authenticator tied to the OIDC app `clientId`, from the org's well-known document. */
export async function discoverAuthenticator(http: HttpClient, clientId: string): Promise<AuthenticatorConfig> {
  const list = await http.json({ method: 'GET', path: '/.well-known/app-authenticator-configuration', query: { oauthClientId: clientId } }, AppAuthenticatorConfig);
  const pushCapable = list.find((entry) => !entry.supportedMethods || entry.supportedMethods.some((method) => method.type === 'push'));
  if (!pushCapable) {
    throw appError('NOT_FOUND', `The Okta org has no custom authenticator for the app ${clientId}: add one under Security → Authenticators and tie it to this app.`, { field: 'clientId' });
  }
  return {
    authenticatorId: pushCapable.authenticatorId,
    name: pushCapable.name,
    enrollEndpoint: pushCapable.appAuthenticatorEnrollEndpoint ?? joinUrl(http.baseUrl, '/idp/myaccount/app-authenticators').toString(),
    userVerification: pushCapable.settings?.userVerification,
  };
}
