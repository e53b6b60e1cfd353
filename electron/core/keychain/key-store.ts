/**
 * A secret store keyed by service + account: the OS keychain behind one small interface, so the backend
 * (keytar today, @napi-rs/keyring perhaps later) can be swapped without touching the vault.
 * Implementations throw AppError KEYCHAIN_UNAVAILABLE when the keychain cannot be reached.
 */
export interface KeyStore {
  /** The stored secret, or null when there is none. */
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, secret: string): Promise<void>;
  /** True when a secret was deleted, false when there was none. */
  delete(service: string, account: string): Promise<boolean>;
}

export const KEYCHAIN_SERVICE = 'Traykey';
