import { readFile } from 'node:fs/promises';
import { appError } from '../../../shared/errors';
import type { VaultLike } from '../accounts/accounts-service';
import type { KeyStore } from '../keychain/key-store';
import { createKeytarStore } from '../keychain/keytar-store';
import { isProblem, parseVaultFile } from './format';
import { Vault } from './vault';

export type KeyMode = 'keychain' | 'passphrase';

export interface VaultSessionOptions {
  home: string;
  /** The keychain used to reopen a keychain-mode vault after a lock. */
  keyStore?: KeyStore;
}

/**
 * The vault the app works on, which the user can lock (dropping the key) and unlock again.
 * `vault` is a stable VaultLike that always reaches the currently open vault, or says VAULT_LOCKED.
 */
export class VaultSession {
  private open: Vault | undefined;
  private knownMode: KeyMode | undefined;
  readonly path: string;

  readonly vault: VaultLike & Pick<Vault, 'revision'> = {
    read: () => this.current().read(),
    update: (mutate, options) => this.current().update(mutate, options),
    refreshIfChanged: () => this.current().refreshIfChanged(),
    revision: () => this.current().revision(),
  };

  constructor(
    vault: Vault,
    private readonly options: VaultSessionOptions,
  ) {
    this.open = vault;
    this.path = vault.path;
  }

  get isOpen(): boolean {
    return this.open !== undefined;
  }

  current(): Vault {
    if (!this.open) throw appError('VAULT_LOCKED', 'The vault is locked: unlock it to see and change accounts.');
    return this.open;
  }

  /** How the vault's key is protected, read from the file's header. */
  async mode(): Promise<KeyMode> {
    if (this.knownMode) return this.knownMode;
    const bytes = await readFile(this.path).catch((error: NodeJS.ErrnoException) => {
      throw appError('VAULT_IO', `The vault ${this.path} cannot be read (${error.code ?? 'unknown error'}).`);
    });
    const parsed = parseVaultFile(bytes);
    if (isProblem(parsed)) throw appError('VAULT_CORRUPT', `The vault ${this.path} cannot be read: its header is damaged.`);
    this.knownMode = parsed.mode;
    return parsed.mode;
  }

  lock(): void {
    this.open?.close();
    this.open = undefined;
  }

  /** Opens the vault again: with this passphrase in passphrase mode, from the keychain otherwise. */
  async unlock(passphrase: string): Promise<void> {
    if (this.open) return;
    const home = this.options.home;
    const keySource =
      (await this.mode()) === 'passphrase'
        ? { kind: 'passphrase' as const, passphrase }
        : { kind: 'keychain' as const, store: this.options.keyStore ?? createKeytarStore() };
    this.open = await Vault.open({ home, keySource });
  }

  close(): void {
    this.lock();
  }
}
