import { appError, isAppError, type AppError } from '../../../shared/errors';
import type { OtpType } from '../../../shared/accounts';
import { isSecureAddress } from '../../../shared/network/loopback-host';
import { orgAddress } from '../../../shared/policy/policy-schema';
import { parseKeyUri } from '../otp/key-uri';

/**
 * Links the OS hands us (`traykey://add?uri=otpauth%3A…`, or a bare `otpauth://…` when we are the
 * handler for that scheme, or `traykey://enrol-push?org=…&client=…` from the IT team) are untrusted
 * input from any web page or document. They are bounded in size, parsed strictly, and only ever open a
 * preview: nothing is saved or enrolled until the person confirms. Error messages never echo the link
 * (an account link carries a secret).
 */
export const DEEP_LINK_SCHEME = 'traykey';
/** Same bound as the `accounts:addUri` contract, plus room for the wrapper and percent-encoding. */
export const MAX_OTPAUTH_URI_LENGTH = 4096;
export const MAX_DEEP_LINK_LENGTH = 3 * MAX_OTPAUTH_URI_LENGTH + 64;

/** What the add-account preview shows: who the account is for, never its secret. */
export interface DeepLinkPreview {
  issuer: string;
  label: string;
  type: OtpType;
}

export type DeepLink =
  | { action: 'add'; otpauthUri: string; preview: DeepLinkPreview }
  /** Enrol this computer for sign-in approvals with an org: `org` is its address (see orgAddress), `clientId` its OIDC app. */
  | { action: 'enrol-push'; org: string; clientId: string };
/** What a link may show before the person answers: everything but an account's URI (its secret). */
export type ShownLink = { action: 'add'; preview: DeepLinkPreview } | { action: 'enrol-push'; org: string; clientId: string };

export function shownLink(link: DeepLink): ShownLink {
  return link.action === 'add' ? { action: 'add', preview: link.preview } : { action: 'enrol-push', org: link.org, clientId: link.clientId };
}

export type DeepLinkResult = { ok: true; link: DeepLink } | { ok: false; error: AppError };

const invalid = (why: string): DeepLinkResult => ({ ok: false, error: appError('INVALID_URI', `This link cannot be opened by Traykey: ${why}.`) });

// Controls, whitespace and bidi/zero-width marks: nothing a genuine link contains, useful for disguise.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SUSPICIOUS = /[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

function parseOtpauth(raw: string): DeepLinkResult {
  if (raw.length > MAX_OTPAUTH_URI_LENGTH) return invalid('the setup link is too long');
  if (SUSPICIOUS.test(raw)) return invalid('the setup link contains spaces or control characters');
  try {
    // The same strict parser that saving uses, so the preview shows exactly what would be saved.
    const account = parseKeyUri(raw);
    return { ok: true, link: { action: 'add', otpauthUri: raw, preview: { issuer: account.issuer, label: account.label, type: account.type } } };
  } catch (error) {
    // Core's sentences name the field and never the secret.
    return { ok: false, error: isAppError(error) ? error : appError('INVALID_URI', 'This link cannot be opened by Traykey: the setup link is not valid.') };
  }
}

export function parseDeepLink(raw: unknown): DeepLinkResult {
  if (typeof raw !== 'string' || raw.length === 0) return invalid('it is empty');
  if (raw.length > MAX_DEEP_LINK_LENGTH) return invalid('it is too long');
  const scheme = raw.slice(0, raw.indexOf(':') + 1).toLowerCase();
  if (scheme === 'otpauth:') return parseOtpauth(raw);
  if (scheme !== `${DEEP_LINK_SCHEME}:`) return invalid('it is not a traykey:// or otpauth:// link');
  if (SUSPICIOUS.test(raw)) return invalid('it contains spaces or control characters');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return invalid('it is not a valid URI');
  }
  if ((url.host !== 'add' && url.host !== 'enrol-push') || (url.pathname !== '' && url.pathname !== '/')) return invalid('Traykey links can only add an account or set up sign-in approvals');
  if (url.username !== '' || url.password !== '' || url.port !== '' || url.hash !== '') return invalid('it has an unexpected shape');
  const keys = [...url.searchParams.keys()].sort();
  if (url.host === 'enrol-push') {
    if (keys.length !== 2 || keys[0] !== 'client' || keys[1] !== 'org') return invalid('a set-up link must carry exactly an org and a client parameter');
    return parseEnrolPush(url.searchParams.get('org') ?? '', url.searchParams.get('client') ?? '');
  }
  if (keys.length !== 1 || keys[0] !== 'uri') return invalid('it must carry exactly one uri parameter');
  return parseOtpauth(url.searchParams.get('uri') ?? '');
}

const CLIENT_ID = /^[A-Za-z0-9._~-]{1,200}$/;

/** The org must be an https address (plain http only for this computer) without a login, query or fragment. */
function parseEnrolPush(rawOrg: string, clientId: string): DeepLinkResult {
  let org: URL;
  try {
    org = new URL(rawOrg);
  } catch {
    return invalid('the org is not a web address');
  }
  if (!isSecureAddress(rawOrg)) return invalid('the org must be an https:// address');
  if (org.username !== '' || org.password !== '' || org.search !== '' || org.hash !== '' || rawOrg.includes('?') || rawOrg.includes('#')) return invalid('the org must be just an address such as https://example.okta.com');
  if (!CLIENT_ID.test(clientId)) return invalid('the client is not a valid OIDC client id');
  return { ok: true, link: { action: 'enrol-push', org: orgAddress(rawOrg), clientId } };
}

/**
 * The link among a process's arguments (Windows and Linux pass it on the command line, also to a
 * second instance). Only an argument that is itself one of our links counts; flags and paths do not.
 */
export function findDeepLinkArgument(argv: readonly string[]): string | null {
  for (let i = argv.length - 1; i >= 0; i -= 1) {
    const arg = argv[i];
    if (typeof arg !== 'string') continue;
    const lower = arg.slice(0, 10).toLowerCase();
    if (lower.startsWith(`${DEEP_LINK_SCHEME}://`) || lower.startsWith('otpauth://')) return arg;
  }
  return null;
}
