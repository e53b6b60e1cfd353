import { appError, type AppError } from '../../../../shared/errors';
import { isLoopbackHost } from '../../../../shared/network/loopback-host';

/**
 * The one rule for everything Traykey sends over the network (identity providers, admin APIs,
 * push, the time source) and every sign-in page it opens: `https`, or plain `http` only to this
 * computer. API tokens, passwords and codes travel in these requests, and a plain-http hop to any
 * other machine hands them to whoever is on the path.
 */
export const TRANSPORT_RULE = 'only https:// addresses are used, and plain http:// only for this computer (localhost, 127.0.0.0/8, ::1)';

/** Null when `url` may be used; otherwise the typed refusal naming the address and the rule. */
export function transportRefusal(url: URL): AppError | null {
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null;
  return appError('INSECURE_TRANSPORT', `Traykey did not contact ${shownAddress(url)}: ${TRANSPORT_RULE}. Use the https:// address.`, { field: 'url' });
}

/** `raw` as a URL, or a typed refusal before anything is sent. */
export function requireSecureTransport(raw: URL | string): URL {
  let url: URL;
  try {
    url = typeof raw === 'string' ? new URL(raw) : raw;
  } catch {
    throw appError('INVALID_INPUT', `"${String(raw).slice(0, 200)}" is not a web address: give it as https://…`, { field: 'url' });
  }
  const refusal = transportRefusal(url);
  if (refusal) throw refusal;
  return url;
}

/** Scheme, host and path only: a query may carry codes or tokens, and userinfo a password. */
function shownAddress(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}
