import { REDACTED, redactText } from '../idp/http/redact';
import type { SecretRegistry } from './secret-registry';

export { REDACTED } from '../idp/http/redact';

// otpauth:// and otpauth-migration:// carry the secret in the query (secret=, data=).
const OTPAUTH_QUERY = /(otpauth(?:-migration)?:\/\/[^\s?"']*\?)[^\s"']*/gi;
// "password: hunter2", "passphrase=…", "secret is …" in free text.
const NAMED_VALUE = /\b(pass(?:word|phrase|code)|secret|api[_ ]?token|client[_ ]?secret|token)(\s*(?:[:=]|is)\s*)("[^"]*"|'[^']*'|[^\s,;]+)/gi;
// A one-time code next to the word "code" (either side): "code 123456", "123456 is your code".
const CODE_AFTER = /\b(codes?|otp|passcode)(\W{0,3})(\d{6,8})\b/gi;
const CODE_BEFORE = /\b(\d{6,8})(\s+(?:is\s+)?(?:(?:your|the)\s+)?(?:code|otp|passcode))\b/gi;

/**
 * Hides secrets in a log line: every registered value, then the shapes secrets come in (HTTP
 * credentials, JSON and form fields from the identity-provider layer, otpauth URIs, named values,
 * codes beside the word "code").
 */
export function redactLogText(text: string, registry: SecretRegistry): string {
  return redactText(text, registry.list())
    .replace(OTPAUTH_QUERY, `$1${REDACTED}`)
    .replace(NAMED_VALUE, (match, name: string, sep: string, value: string) => (value === REDACTED || value === `"${REDACTED}"` ? match : `${name}${sep}${REDACTED}`))
    .replace(CODE_AFTER, `$1$2${REDACTED}`)
    .replace(CODE_BEFORE, `${REDACTED}$2`);
}
