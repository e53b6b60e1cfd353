import { randomBytes } from 'node:crypto';
import type { StoredAccount } from './stored-account';

export const UNDO_WINDOW_MS = 30_000;

interface Pending {
  account: StoredAccount;
  index: number;
  expiresAt: number;
}

/**
 * Just-deleted accounts, in memory only, so an undo can put one back where it was. A token works once
 * and only within the window, measured on the injected clock.
 */
export class UndoDeletes {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly now: () => number) {}

  remember(account: StoredAccount, index: number): string {
    this.prune();
    const token = randomBytes(18).toString('base64url');
    this.pending.set(token, { account, index, expiresAt: this.now() + UNDO_WINDOW_MS });
    return token;
  }

  /** The deleted account and its old position, or undefined when the token is unknown or expired. */
  peek(token: string): { account: StoredAccount; index: number } | undefined {
    this.prune();
    return this.pending.get(token);
  }

  /** Called once the account is back, so the token cannot restore it twice. */
  forget(token: string): void {
    this.pending.delete(token);
  }

  clear(): void {
    this.pending.clear();
  }

  private prune(): void {
    const now = this.now();
    for (const [token, entry] of this.pending) if (entry.expiresAt <= now) this.pending.delete(token);
  }
}
