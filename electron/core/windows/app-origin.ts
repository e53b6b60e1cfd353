/**
 * Where our renderer lives. It is served from a privileged custom scheme instead of file:// so it
 * has a real origin of its own: CSP 'self', permission checks and the sender check all compare
 * against this one origin, and no other local file is reachable from the page.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'traykey';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** The Admin window's page: same origin and bridge as the popup, its own entry. */
export const ADMIN_ENTRY_URL = `${APP_ORIGIN}/admin.html`;
const APP_PAGES = ['/', '/index.html', '/admin.html'];

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True for a URL or origin string on our app origin (`app://traykey`), and nothing else. */
export function isAppOrigin(raw: string | undefined | null): boolean {
  if (typeof raw !== 'string' || raw.length > 2048) return false;
  const url = parse(raw);
  if (!url) return false;
  return url.protocol === `${APP_SCHEME}:` && url.host.toLowerCase() === APP_HOST && url.username === '' && url.password === '';
}

/** True for exactly one of our top-level pages, the popup's or the Admin window's (any query or fragment is fine). */
export function isAppEntryUrl(raw: string | undefined | null): boolean {
  if (!isAppOrigin(raw)) return false;
  const url = parse(raw as string);
  return url !== null && APP_PAGES.includes(url.pathname);
}
