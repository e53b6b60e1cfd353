/**
 * Errors are values: a stable code for programs and a sentence a person can act on.
 * Messages never contain secrets, tokens, passwords or codes.
 */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'INVALID_URI'
  | 'NOT_FOUND'
  | 'AMBIGUOUS'
  | 'DUPLICATE'
  | 'VAULT_LOCKED'
  | 'VAULT_CORRUPT'
  | 'VAULT_FOREIGN'
  | 'VAULT_BUSY'
  | 'VAULT_IO'
  | 'VAULT_MISSING'
  | 'VAULT_OLDER'
  | 'WRONG_PASSPHRASE'
  | 'KEYCHAIN_UNAVAILABLE'
  | 'FORBIDDEN_SENDER'
  | 'IDP_ERROR'
  | 'NETWORK'
  | 'TIMEOUT'
  | 'RATE_LIMITED'
  /** A plain-http address that is not this computer: nothing was sent. */
  | 'INSECURE_TRANSPORT'
  /** A server's answer broke a bound Traykey keeps (an absurd wait, an endless body): not retried. */
  | 'SERVER_FAULT'
  /** This computer's clock and a server's differ past the bound Traykey corrects codes for. */
  | 'CLOCK_SKEW'
  | 'UNSUPPORTED'
  | 'MANAGED_BY_POLICY'
  /** Stopped on the user's request (Ctrl-C); the CLI exits 130. */
  | 'INTERRUPTED'
  /** Another run holds what this one needs (one admin run per connection). */
  | 'BUSY'
  /** The OS would not give Traykey a global shortcut: another app holds those keys. */
  | 'SHORTCUT_TAKEN'
  | 'INTERNAL';

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  /** The provider's own code (E0000068, invalid_grant, …) when the error came from an identity provider. */
  providerCode?: string;
  /** Which input field was wrong, for forms. */
  field?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly providerCode?: string;
  readonly field?: string;

  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'AppError';
    this.code = data.code;
    if (data.providerCode !== undefined) this.providerCode = data.providerCode;
    if (data.field !== undefined) this.field = data.field;
  }

  toData(): AppErrorData {
    const data: AppErrorData = { code: this.code, message: this.message };
    if (this.providerCode !== undefined) data.providerCode = this.providerCode;
    if (this.field !== undefined) data.field = this.field;
    return data;
  }
}

export function appError(code: ErrorCode, message: string, extra: Omit<AppErrorData, 'code' | 'message'> = {}): AppError {
  return new AppError({ code, message, ...extra });
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };
