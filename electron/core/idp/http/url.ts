import { appError } from '../../../../shared/errors';

/**
 * Joins an API path onto an org/tenant base URL. The base may carry a path prefix
 * (a reverse proxy or the simulator: http://127.0.0.1:PORT/okta/acme) that must survive:
 * `new URL('/api/v1/authn', base)` would silently drop it.
 */
export function joinUrl(baseUrl: string, path: string): URL {
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const suffix = path.startsWith('/') ? path : `/${path}`;
  base.pathname = `${prefix}${suffix}`;
  base.search = '';
  base.hash = '';
  return base;
}

/**
 * Resolves a HAL `href` the server handed us. Credentials travel with the request, so a link to
 * another origin is refused rather than followed.
 */
export function resolveLink(baseUrl: string, href: string): URL {
  const base = new URL(baseUrl);
  const target = new URL(href, baseUrl);
  if (target.origin !== base.origin) {
    throw appError('IDP_ERROR', `The server pointed Traykey at another site (${target.host}), which it will not send credentials to: check the org address.`);
  }
  return target;
}

export function withQuery(url: URL, query: Record<string, string | number | boolean | undefined> | undefined): URL {
  if (!query) return url;
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url;
}
