import type { OtpAccount, OtpAlgorithm, OtpType } from '../../../shared/accounts';
import { base32ProblemSentence, normalizeBase32 } from './base32';
import { invalidUri } from './key-uri-errors';
import { DEFAULT_PERIOD, MAX_PERIOD } from './otp-params';
import { STEAM_DIGITS, STEAM_PERIOD } from './steam';
import { displayTextRefusal } from '../../../shared/display-text';

export const MAX_URI_CHARS = 4096;
export const MAX_NAME_CHARS = 200;
const MAX_COUNTER = Number.MAX_SAFE_INTEGER;

function decodePart(text: string, field: string): string {
  try {
    // decodeURIComponent leaves '+' alone: in the path (and, by our policy, the query) it is a literal plus.
    return decodeURIComponent(text);
  } catch {
    throw invalidUri(field, `${field} has a broken percent-encoding`);
  }
}

function queryParams(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodePart(eq === -1 ? pair : pair.slice(0, eq), 'query').toLowerCase();
    const value = decodePart(eq === -1 ? '' : pair.slice(eq + 1), name);
    if (params.has(name)) throw invalidUri(name, `${name} appears more than once`);
    params.set(name, value);
  }
  return params;
}

function splitLabel(path: string): { prefix: string | undefined; label: string } {
  const decoded = decodePart(path, 'label');
  const colon = decoded.indexOf(':');
  if (colon === -1) return { prefix: undefined, label: decoded.trim() };
  return { prefix: decoded.slice(0, colon).trim(), label: decoded.slice(colon + 1).trim() };
}

function parseType(raw: string, params: Map<string, string>): OtpType {
  const type = raw.toLowerCase();
  if (type === 'steam' || (type === 'totp' && params.get('encoder')?.toLowerCase() === 'steam')) return 'steam';
  if (type === 'totp' || type === 'hotp') return type;
  throw invalidUri('type', `type must be totp or hotp, not "${raw.slice(0, 20)}"`);
}

function parseAlgorithm(raw: string | undefined): OtpAlgorithm {
  if (raw === undefined) return 'SHA1';
  const upper = raw.toUpperCase();
  if (upper === 'SHA1' || upper === 'SHA256' || upper === 'SHA512') return upper;
  throw invalidUri('algorithm', 'algorithm must be SHA1, SHA256 or SHA512');
}

function parseInteger(raw: string, field: string, min: number, max: number, sentence: string): number {
  if (!/^\d{1,16}$/.test(raw)) throw invalidUri(field, sentence);
  const value = Number(raw);
  if (value < min || value > max) throw invalidUri(field, sentence);
  return value;
}

function parseSecret(raw: string | undefined, params: Map<string, string>): string {
  if (raw === undefined || raw.trim() === '') {
    if (params.has('enrollment_tx_id')) {
      throw invalidUri('secret', 'secret is missing: this is an Auth0 Guardian push enrolment code, not a one-time-password key; enrol it in Auth0 Guardian or choose a one-time-password factor instead');
    }
    throw invalidUri('secret', 'secret is missing');
  }
  const normalized = normalizeBase32(raw);
  if ('problem' in normalized) throw invalidUri('secret', base32ProblemSentence[normalized.problem]);
  return normalized.secret;
}

/**
 * The issuer to show. The Key Uri Format says prefix and parameter "should be equal"; when they differ
 * the link is refused, because showing either one could mislead (a phishing link can claim "Bank").
 */
function resolveIssuer(prefix: string | undefined, param: string | undefined): string {
  const fromParam = param?.trim();
  if (prefix !== undefined && prefix !== '' && fromParam !== undefined && fromParam !== '' && prefix.toLowerCase() !== fromParam.toLowerCase()) {
    throw invalidUri('issuer', `issuer "${fromParam.slice(0, 60)}" does not match the label's issuer "${prefix.slice(0, 60)}"`);
  }
  return fromParam || prefix || '';
}

/** Parses an otpauth:// Key Uri (`issuer` is '' when the link names none); every rejection is an INVALID_URI error naming the field. */
export function parseKeyUri(uri: string): OtpAccount {
  if (uri.length > MAX_URI_CHARS) throw invalidUri('uri', `the link is longer than ${MAX_URI_CHARS} characters`);
  const match = /^otpauth:\/\/([^/?#]*)\/([^?#]*)(?:\?([^#]*))?(?:#.*)?$/i.exec(uri.trim());
  if (!match) throw invalidUri('uri', 'it does not have the form otpauth://TYPE/LABEL?secret=…');
  const [, rawType = '', rawLabel = '', query = ''] = match;
  const params = queryParams(query);
  const type = parseType(rawType, params);
  const { prefix, label } = splitLabel(rawLabel);
  // Checked after decoding: %1B and %E2%80%AE are only dangerous once they are characters.
  const hidden = displayTextRefusal([['issuer', prefix], ['label', label], ['issuer', params.get('issuer')]]);
  if (hidden) throw invalidUri(hidden.field, hidden.reason);
  if (label === '') throw invalidUri('label', 'label (the account name) is missing');
  if (label.length > MAX_NAME_CHARS) throw invalidUri('label', `label is longer than ${MAX_NAME_CHARS} characters`);
  const issuer = resolveIssuer(prefix, params.get('issuer'));
  if (issuer.length > MAX_NAME_CHARS) throw invalidUri('issuer', `issuer is longer than ${MAX_NAME_CHARS} characters`);
  const secret = parseSecret(params.get('secret'), params);
  const algorithm = parseAlgorithm(params.get('algorithm'));

  if (type === 'steam') return { type, issuer: issuer || 'Steam', label, secret, algorithm: 'SHA1', digits: STEAM_DIGITS, period: STEAM_PERIOD };

  const rawDigits = params.get('digits');
  const digits = rawDigits === undefined ? 6 : parseInteger(rawDigits, 'digits', 6, 8, 'digits must be 6, 7 or 8');
  if (type === 'hotp') {
    const rawCounter = params.get('counter');
    if (rawCounter === undefined) throw invalidUri('counter', 'counter is required for an hotp link (the next counter value)');
    const counter = parseInteger(rawCounter, 'counter', 0, MAX_COUNTER, 'counter must be a whole number from 0');
    return { type, issuer, label, secret, algorithm, digits, period: DEFAULT_PERIOD, counter };
  }
  const rawPeriod = params.get('period');
  const period = rawPeriod === undefined ? DEFAULT_PERIOD : parseInteger(rawPeriod, 'period', 1, MAX_PERIOD, `period must be a whole number of seconds from 1 to ${MAX_PERIOD}`);
  return { type, issuer, label, secret, algorithm, digits, period };
}

/**
 * Writes the link other apps read: issuer both as label prefix and parameter (as the format recommends).
 * Steam accounts use the `otpauth://steam/` form that Aegis and others understand.
 */
export function formatKeyUri(account: OtpAccount): string {
  const e = encodeURIComponent;
  const path = account.issuer ? `${e(account.issuer)}:${e(account.label)}` : e(account.label);
  const params = [`secret=${account.secret}`];
  if (account.issuer) params.push(`issuer=${e(account.issuer)}`);
  params.push(`algorithm=${account.algorithm}`, `digits=${account.digits}`);
  if (account.type === 'hotp') params.push(`counter=${account.counter ?? 0}`);
  else params.push(`period=${account.period}`);
  return `otpauth://${account.type}/${path}?${params.join('&')}`;
}
