import type { SecretRegistry } from './secret-registry';

// Field names under which the vault and the identity-provider records keep secrets.
const SECRET_KEY = /^(secret|password|passphrase|apiToken|clientSecret|managementClientSecret|token|accessToken|refreshToken|idToken|privateKey|recoveryCodes?)$/i;
/** The shortest name SECRET_KEY matches ("token"): shorter names are passed over without the pattern. */
const SHORTEST_SECRET_KEY = 5;
// A private JWK (push enrolment keys) keeps its secret parts under one-letter names.
const JWK_PRIVATE = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

const isSecretKey = (key: string): boolean => key.length >= SHORTEST_SECRET_KEY && SECRET_KEY.test(key);

/**
 * Registers every secret-looking value in a vault document (or any JSON value) for log redaction.
 * It runs on every vault save over the whole document, where most names are short (the sync state's
 * `v` and `t` registers), so those skip the pattern, and no entry arrays are made.
 */
export function rememberDocumentSecrets(value: unknown, registry: SecretRegistry, depth = 0): void {
  if (depth > 32 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) rememberDocumentSecrets(item, registry, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  const isJwk = typeof record.kty === 'string';
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const field = record[key];
    if (typeof field === 'string') {
      if (isSecretKey(key) || (isJwk && JWK_PRIVATE.includes(key))) registry.add(field);
    } else if (Array.isArray(field) && isSecretKey(key)) {
      for (const item of field) if (typeof item === 'string') registry.add(item);
    } else {
      rememberDocumentSecrets(field, registry, depth + 1);
    }
  }
}
