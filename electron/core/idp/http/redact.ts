/**
 * Removes credentials and one-time codes from text before it is logged or put in an error.
 * Works on known secret values (what the caller sent) and on shapes (headers, JSON fields,
 * form fields) so that a value Traykey did not know about is still caught.
 */
const SECRET_FIELD =
  'password|passCode|pass_code|client_secret|clientSecret|secret|sharedSecret|token|apiToken|api_token|access_token|id_token|refresh_token|mfa_token|mfaToken|oob_code|oobCode|binding_code|otp|recovery_code|recovery_codes|recoveryCode|sessionToken|stateToken|activationToken|answer|sid|authorization|cookie';

const AUTH_SCHEME = /\b(SSWS|Bearer|Basic)\s+[^\s",;]+/gi;
const JSON_FIELD = new RegExp(`("(?:${SECRET_FIELD})"\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"|\\[[^\\]]*\\])`, 'gi');
const FORM_FIELD = new RegExp(`(^|[?&\\s])((?:${SECRET_FIELD})=)[^&\\s]*`, 'gi');
const QR_PATH = /(\/qr\/)[^/?#\s"]+/g;

export const REDACTED = '[REDACTED]';

export function redactText(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(AUTH_SCHEME, `$1 ${REDACTED}`)
    .replace(JSON_FIELD, `$1"${REDACTED}"`)
    .replace(FORM_FIELD, `$1$2${REDACTED}`)
    .replace(QR_PATH, `$1${REDACTED}`);
}

/** A URL as it may appear in a log: secret query values and one-time QR path tokens hidden. */
export function redactUrl(url: URL, secrets: readonly (string | undefined)[] = []): string {
  return redactText(url.toString(), secrets);
}
