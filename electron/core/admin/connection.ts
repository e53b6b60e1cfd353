import { z } from 'zod';
import { appError } from '../../../shared/errors';
import type { VaultDocument } from '../vault/vault';
import { requireSecureTransport } from '../idp/http/transport-policy';

/** An Okta org reached with an API token (`Authorization: SSWS …`). */
export const oktaCredentials = z.object({ apiToken: z.string().min(1) });

/**
 * An Auth0 tenant: a machine-to-machine client for the Management API, and the application whose
 * password grant signs the test users in to enrol and confirm their factor.
 */
export const auth0Credentials = z.object({
  managementClientId: z.string().min(1),
  managementClientSecret: z.string().min(1),
  appClientId: z.string().min(1),
  appClientSecret: z.string().optional(),
  /** The database connection users are created in (Username-Password-Authentication by default). */
  realm: z.string().min(1),
  /**
   * For a tenant behind a custom domain: its canonical address (https://TENANT.auth0.com), where the
   * Management API is called and which names its audience; sign-ins keep using the custom domain.
   */
  managementUrl: z.string().optional(),
});

/** The database connection Auth0 tenants create users in unless told otherwise. */
export const DEFAULT_REALM = 'Username-Password-Authentication';

/** What a person gives for an Auth0 tenant, before the defaults the app and the CLI both apply. */
export interface Auth0CredentialsInput {
  managementClientId: string;
  managementClientSecret: string;
  appClientId?: string;
  appClientSecret?: string;
  realm?: string;
  managementUrl?: string;
}

/** Without an application of its own, the password grant uses the Management API client. */
export function auth0CredentialsFrom(input: Auth0CredentialsInput): Auth0Credentials {
  const ownApp = Boolean(input.appClientId);
  const appClientSecret = ownApp ? input.appClientSecret : input.managementClientSecret;
  return {
    managementClientId: input.managementClientId,
    managementClientSecret: input.managementClientSecret,
    appClientId: input.appClientId || input.managementClientId,
    ...(appClientSecret ? { appClientSecret } : {}),
    realm: input.realm || DEFAULT_REALM,
    ...(input.managementUrl ? { managementUrl: input.managementUrl } : {}),
  };
}

/** One saved connection, as the vault keeps it in `doc.adminConnections`: credentials never leave the vault. */
export const storedConnection = z.discriminatedUnion('provider', [
  z.object({ id: z.string(), provider: z.literal('okta'), name: z.string(), url: z.string(), createdAt: z.number(), okta: oktaCredentials }),
  z.object({ id: z.string(), provider: z.literal('auth0'), name: z.string(), url: z.string(), createdAt: z.number(), auth0: auth0Credentials }),
]);
export type StoredConnection = z.infer<typeof storedConnection>;
export type Provider = StoredConnection['provider'];
export type OktaCredentials = z.infer<typeof oktaCredentials>;
export type Auth0Credentials = z.infer<typeof auth0Credentials>;

/** A connection's credentials, saved or taken from the environment for one run. */
export type ConnectionTarget =
  | { provider: 'okta'; id: string; name: string; url: string; okta: OktaCredentials }
  | { provider: 'auth0'; id: string; name: string; url: string; auth0: Auth0Credentials };

/** Where an Auth0 target's Management API is: its canonical domain when it has one, else the tenant address. */
export function managementUrlOf(target: { url: string; auth0: Auth0Credentials }): string {
  return target.auth0.managementUrl ?? target.url;
}

/**
 * The org's address without trailing slashes or query, after checking it is https (or http to this computer).
 * A bare Auth0 domain (`tenant.eu.auth0.com`) is read as https.
 */
export function normalizeOrgUrl(input: string): string {
  const text = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw appError('INVALID_INPUT', `"${input}" is not an org address: give it as https://your-org.okta.com or your-tenant.auth0.com.`, { field: 'url' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw appError('INVALID_INPUT', `"${input}" is not an org address: it must start with https://.`, { field: 'url' });
  }
  if (url.username || url.password) throw appError('INVALID_INPUT', 'The org address must not contain a user name or password.', { field: 'url' });
  requireSecureTransport(url);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The same org always gets the same id, so runs with a token from the environment find the saved records. */
export function connectionIdFor(provider: Provider, url: string): string {
  const { host, pathname } = new URL(url);
  const slug = `${host}${pathname}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${provider}-${slug}`;
}

/** The name accounts are filed under: the one the admin chose, else the org's host. */
export function defaultConnectionName(url: string): string {
  return new URL(url).host;
}

export function connectionsIn(doc: VaultDocument): StoredConnection[] {
  if (doc.adminConnections === undefined) return [];
  const parsed = z.array(storedConnection).safeParse(doc.adminConnections);
  if (!parsed.success) throw appError('VAULT_CORRUPT', 'The saved admin connections in the vault are damaged: remove them with `traykey admin disconnect` and add them again.');
  return parsed.data;
}
