import type { VaultDocument } from '../../../electron/core/vault/vault';
import type { VaultLike } from '../../../electron/core/accounts/accounts-service';

/** An in-memory stand-in for the Vault: same copy semantics, plus a way to fail the next save. */
export class MemoryVault implements VaultLike {
  private doc: VaultDocument = {};
  saves = 0;
  failNextSave = false;

  read(): VaultDocument {
    return structuredClone(this.doc);
  }

  async refreshIfChanged(): Promise<boolean> {
    return false;
  }

  async update<T>(mutate: (doc: VaultDocument) => T | Promise<T>): Promise<T> {
    const draft = structuredClone(this.doc);
    const result = await mutate(draft);
    if (this.failNextSave) {
      this.failNextSave = false;
      throw new Error('disk full');
    }
    this.doc = draft;
    this.saves++;
    return result;
  }

  /** What another process would see on disk. */
  get saved(): VaultDocument {
    return structuredClone(this.doc);
  }
}
