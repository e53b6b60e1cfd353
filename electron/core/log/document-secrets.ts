import type { SecretRegistry } from './secret-registry';

// Field names under which the vault and the identity-provider records keep secrets.
const SECRET_KEY = /^(secret|password|passphrase|apiToken|clientSecret|managementClientSecret|token|accessToken|refreshToken|idToken|privateKey|recoveryCodes?)$/i;
// A private JWK (push enrolment keys) keeps its secret parts under one-letter names.
const JWK_PRIVATE = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

/** Registers every secret-looking value in a vault document (or any JSON value) for log redaction. */
export function rememberDocumentSecrets(value: unknown, registry: SecretRegistry, depth = 0): void {
  if (depth > 32 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) rememberDocumentSecrets(item, registry, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  const isJwk = typeof record.kty === 'string';
  for (const [key, field] of Object.entries(record)) {
    if (typeof field === 'string') {
      if (SECRET_KEY.test(key) || (isJwk && JWK_PRIVATE.includes(key))) registry.add(field);
    } else if (Array.isArray(field) && SECRET_KEY.test(key)) {
      for (const item of field) if (typeof item === 'string') registry.add(item);
    } else {
      rememberDocumentSecrets(field, registry, depth + 1);
    }
  }
}
