import { appError } from '../../../shared/errors';
import { connectionIdFor, DEFAULT_REALM, defaultConnectionName, normalizeOrgUrl, type ConnectionTarget, type Provider } from '../../core/admin/connection';
import type { ConnectionStore } from '../../core/admin/connection-store';
import type { CliIo } from '../context';

export interface TargetOptions {
  org?: string;
  domain?: string;
  realm?: string;
  appClientId?: string;
}

/** The org address from --org (Okta) or --org/--domain (Auth0). */
export function orgUrlOf(provider: Provider, options: TargetOptions): string {
  const given = options.org ?? options.domain;
  if (!given) throw appError('INVALID_INPUT', provider === 'okta' ? 'Give the Okta org with --org https://your-org.okta.com.' : 'Give the Auth0 tenant with --domain your-tenant.auth0.com.', { field: 'org' });
  return normalizeOrgUrl(given);
}

/** The options that name this org again, for a command a person can paste. */
export function targetArgs(provider: Provider, options: TargetOptions): string[] {
  if (provider === 'okta') return ['--org', options.org ?? ''];
  return ['--domain', options.domain ?? '', ...(options.realm && options.realm !== DEFAULT_REALM ? ['--realm', options.realm] : []), ...(options.appClientId ? ['--app-client-id', options.appClientId] : [])];
}

/** The org's connection id and name, for commands that only read the vault and need no credentials. */
export function connectionOf(provider: Provider, options: TargetOptions, connections: ConnectionStore): { id: string; name: string } {
  const url = orgUrlOf(provider, options);
  const saved = connections.findByUrl(provider, url);
  return { id: connectionIdFor(provider, url), name: saved?.name ?? defaultConnectionName(url) };
}

/**
 * The credentials for one run: the environment wins (OKTA_API_TOKEN, AUTH0_CLIENT_ID/AUTH0_CLIENT_SECRET),
 * else the connection saved for this org by `traykey admin connect`.
 */
export function resolveTarget(provider: Provider, options: TargetOptions, env: CliIo['env'], connections: ConnectionStore): ConnectionTarget {
  const url = orgUrlOf(provider, options);
  const saved = connections.findByUrl(provider, url);
  const id = connectionIdFor(provider, url);
  const name = saved?.name ?? defaultConnectionName(url);
  if (provider === 'okta') {
    const token = env.OKTA_API_TOKEN;
    if (token) return { provider, id, name, url, okta: { apiToken: token } };
    if (saved?.provider === 'okta') return saved;
    throw appError('INVALID_INPUT', `No API token for ${url}: set OKTA_API_TOKEN, or save one with \`traykey admin connect okta --org ${url}\` (token on standard input).`);
  }
  const clientId = env.AUTH0_CLIENT_ID;
  const clientSecret = env.AUTH0_CLIENT_SECRET;
  if (clientId && clientSecret) {
    const appClientId = options.appClientId ?? env.AUTH0_APP_CLIENT_ID ?? clientId;
    const appClientSecret = options.appClientId ? env.AUTH0_APP_CLIENT_SECRET : (env.AUTH0_APP_CLIENT_SECRET ?? clientSecret);
    return {
      provider,
      id,
      name,
      url,
      auth0: {
        managementClientId: clientId,
        managementClientSecret: clientSecret,
        appClientId,
        ...(appClientSecret ? { appClientSecret } : {}),
        realm: options.realm ?? DEFAULT_REALM,
        ...(env.AUTH0_MANAGEMENT_DOMAIN ? { managementUrl: normalizeOrgUrl(env.AUTH0_MANAGEMENT_DOMAIN) } : {}),
      },
    };
  }
  if (saved?.provider === 'auth0') return saved;
  throw appError('INVALID_INPUT', `No Management API client for ${url}: set AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET, or save them with \`traykey admin connect auth0 --domain …\`.`);
}
