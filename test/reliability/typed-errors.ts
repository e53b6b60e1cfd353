import { isAppError, type ErrorCode } from '../../shared/errors';

/** Every ErrorCode; a code added to shared/errors.ts without being listed here fails the type-check. */
const CODES: Record<ErrorCode, true> = {
  INVALID_INPUT: true,
  INTERRUPTED: true,
  BUSY: true,
  SHORTCUT_TAKEN: true,
  INVALID_URI: true,
  NOT_FOUND: true,
  AMBIGUOUS: true,
  DUPLICATE: true,
  VAULT_LOCKED: true,
  VAULT_CORRUPT: true,
  VAULT_FOREIGN: true,
  VAULT_BUSY: true,
  VAULT_IO: true,
  VAULT_MISSING: true,
  VAULT_OLDER: true,
  WRONG_PASSPHRASE: true,
  KEYCHAIN_UNAVAILABLE: true,
  FORBIDDEN_SENDER: true,
  IDP_ERROR: true,
  NETWORK: true,
  TIMEOUT: true,
  RATE_LIMITED: true,
  INSECURE_TRANSPORT: true,
  SERVER_FAULT: true,
  CLOCK_SKEW: true,
  UNSUPPORTED: true,
  MANAGED_BY_POLICY: true,
  INTERNAL: true,
};

export const isKnownCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(CODES, code);

/** A sentence a person can act on: a known code, non-empty text ending like a sentence. */
export function isTypedError(error: unknown, allowed?: readonly ErrorCode[]): boolean {
  if (!isAppError(error) || !isKnownCode(error.code)) return false;
  if (allowed && !allowed.includes(error.code)) return false;
  return error.message.trim().length > 0 && /[.!?)]$/.test(error.message.trim());
}

/** Sync parsers: a case slower than this is treated as a hang (catastrophic backtracking, loops). */
export const SYNC_CASE_LIMIT_MS = 250;

/** Runs `run` as a fast-check property: passes when it returned or threw an allowed typed error, quickly. */
export function returnsOrFailsTyped(run: () => unknown, allowed?: readonly ErrorCode[]): boolean {
  const startedAt = performance.now();
  let ok: boolean;
  try {
    run();
    ok = true;
  } catch (error) {
    ok = isTypedError(error, allowed);
    if (!ok) throw error instanceof Error ? error : new Error(`threw a non-error: ${String(error)}`);
  }
  const ms = performance.now() - startedAt;
  if (ms > SYNC_CASE_LIMIT_MS) throw new Error(`one case took ${Math.round(ms)} ms: treated as a hang`);
  return ok;
}
