/**
 * How a sign-in request's facts read to a person: friendly OS names instead of Okta's enum values,
 * "2 min ago", "4:52". Pure functions, shared by the popup and the CLI.
 */
const OS_NAMES: readonly [RegExp, string][] = [
  [/^(mac[_ ]?os([_ ]?x)?|os[_ ]?x)\b/i, 'macOS'],
  [/^windows\b/i, 'Windows'],
  [/^(ios|iphone|ipados)\b/i, 'iOS'],
  [/^android\b/i, 'Android'],
  [/^chrome[_ ]?os\b/i, 'ChromeOS'],
  [/^(linux|ubuntu|debian|fedora)\b/i, 'Linux'],
];

/** "macOS" for MAC_OS_X; null for UNKNOWN or nothing; anything else as the org sent it. */
export function friendlyOs(raw: string | null): string | null {
  const value = raw?.trim() ?? '';
  if (value === '' || /^unknown$/i.test(value)) return null;
  const spaced = value.replace(/_/g, ' ');
  for (const [pattern, name] of OS_NAMES) if (pattern.test(spaced)) return name;
  return value;
}

/** "just now", "2 min ago", "3 h ago", or the date for anything older than a day. */
export function relativeTime(at: number, now: number): string {
  const seconds = Math.round((now - at) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return new Date(at).toLocaleDateString();
}

/** "4:52" left until `expiresAt`; "0:00" once it has passed. */
export function countdown(expiresAt: number, now: number): string {
  const left = Math.max(0, Math.ceil((expiresAt - now) / 1000));
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
}

/** The org as a person knows it: its name, else its host. */
export function orgLabel(orgName: string | null, orgUrl: string): string {
  if (orgName) return orgName;
  try {
    return new URL(orgUrl).host;
  } catch {
    return orgUrl;
  }
}
