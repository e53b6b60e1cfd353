import { appError, type AppError } from '../../../shared/errors';
import type { KeyStore } from './key-store';
import { timerDelay } from '../../../shared/timer-delay';

type Keytar = typeof import('keytar');

const ADVICE =
  'unlock or start your keychain (on Linux a Secret Service such as gnome-keyring must be running in your session), ' +
  'or use passphrase mode by setting TRAYKEY_PASSPHRASE or passing --passphrase-file.';

/** The keychain's own reason, shortened; keytar's messages name the failure, never the secret. */
function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const oneLine = text.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  return oneLine.length > 160 ? `${oneLine.slice(0, 157)}...` : oneLine;
}

export function keychainUnavailable(why: string): AppError {
  return appError('KEYCHAIN_UNAVAILABLE', `The OS keychain cannot be used (${why}): ${ADVICE}`);
}

export interface KeytarStoreOptions {
  /** How long one keychain call may take before it counts as unreachable (a locked keyring can wait forever). */
  timeoutMs?: number;
  /** Loads the native module; replaceable so a broken install can be simulated. */
  load?: () => Promise<Keytar>;
}

async function loadKeytar(): Promise<Keytar> {
  const loaded = (await import('keytar')) as Keytar & { default?: Keytar };
  return loaded.default ?? loaded;
}

/**
 * A KeyStore on keytar. The native module is loaded on first use, so a missing or broken build only
 * matters to people who use the keychain, and surfaces as KEYCHAIN_UNAVAILABLE rather than a crash.
 */
export function createKeytarStore(options: KeytarStoreOptions = {}): KeyStore {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const load = options.load ?? loadKeytar;
  let keytar: Promise<Keytar> | undefined;

  const module = (): Promise<Keytar> => {
    keytar ??= load().catch((error: unknown) => {
      keytar = undefined;
      throw keychainUnavailable(`its native module did not load: ${reasonOf(error)}`);
    });
    return keytar;
  };

  async function call<T>(what: string, run: (k: Keytar) => Promise<T>): Promise<T> {
    const k = await module();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(keychainUnavailable(`it did not answer within ${Math.round(timeoutMs / 1000)} s while ${what}`)), timerDelay(timeoutMs));
      timer.unref();
    });
    try {
      return await Promise.race([
        run(k).catch((error: unknown) => {
          throw keychainUnavailable(`${what} failed: ${reasonOf(error)}`);
        }),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    get: (service, account) => call('reading the vault key', (k) => k.getPassword(service, account)),
    set: (service, account, secret) => call('storing the vault key', (k) => k.setPassword(service, account, secret)),
    delete: (service, account) => call('deleting the vault key', (k) => k.deletePassword(service, account)),
  };
}
