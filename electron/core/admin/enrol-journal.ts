import { randomUUID } from 'node:crypto';
import type { VaultLike } from '../accounts/accounts-service';
import { accountsIn, type StoredAccount } from '../accounts/stored-account';
import { markSpent } from '../otp/spent-steps';
import { recordKey, runsIn, type EnrolRecord } from './enrol-record';

export const TEST_USER_TAG = 'test-user';

/** The account an enrolment saves, with the record that says so, in the same vault write. */
export interface AccountToSave {
  issuer: string;
  label: string;
  secret: string;
  digits: number;
  period: number;
  /** The last time step enrolment used: its code is spent, so the account's next code is a later one. */
  spentStep?: number;
  recoveryCode?: string;
}

interface Change {
  record: EnrolRecord;
  account?: AccountToSave;
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The run records of one connection in the vault. A write resolves only once the vault file holds it,
 * so a step is never taken before the previous one is recorded; writes that arrive while a save is under
 * way are saved together in the next one (group commit), so a hundred workers do not queue a hundred
 * separate encrypt-and-fsync cycles.
 */
export class EnrolJournal {
  private pending = new Map<string, Change>();
  private waiters: Waiter[] = [];
  private running = false;

  constructor(
    private readonly vault: VaultLike,
    readonly connectionId: string,
    private readonly now: () => number,
    private readonly newId: () => string = randomUUID,
  ) {}

  /** The records of this connection, as last saved. */
  records(): EnrolRecord[] {
    return Object.values(runsIn(this.vault.read())[this.connectionId] ?? {});
  }

  find(login: string): EnrolRecord | undefined {
    return runsIn(this.vault.read())[this.connectionId]?.[recordKey(login)];
  }

  /** Saves records (and, for the last step, the account) and resolves once they are on disk. */
  write(record: EnrolRecord, account?: AccountToSave): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.set(recordKey(record.login), { record: { ...record, updatedAt: this.now() }, ...(account ? { account } : {}) });
      this.waiters.push({ resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  /** Saves many records in one write (a run's users, before the first request). */
  async writeAll(records: EnrolRecord[]): Promise<void> {
    await Promise.all(records.map((record) => this.write(record)));
  }

  /** Forgets records and, unless told to keep them, the accounts they saved (after a clean-up). */
  async forget(logins: string[], { keepAccounts = false }: { keepAccounts?: boolean } = {}): Promise<void> {
    const keys = new Set(logins.map(recordKey));
    await this.vault.update((doc) => {
      const runs = runsIn(doc);
      const mine = runs[this.connectionId] ?? {};
      const accountIds = new Set(Object.values(mine).filter((record) => keys.has(recordKey(record.login))).flatMap((record) => (record.accountId ? [record.accountId] : [])));
      for (const key of keys) delete mine[key];
      runs[this.connectionId] = mine;
      doc.adminRuns = runs;
      if (!keepAccounts) doc.accounts = accountsIn(doc).filter((account) => !accountIds.has(account.id) && !(isTestAccountOf(account, this.connectionId) && keys.has(recordKey(account.label))));
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.pending.size > 0) {
      const batch = this.pending;
      const waiters = this.waiters;
      this.pending = new Map();
      this.waiters = [];
      try {
        await this.vault.update((doc) => this.apply(doc, [...batch.values()]));
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error);
      }
    }
    this.running = false;
  }

  private apply(doc: Record<string, unknown>, changes: Change[]): void {
    const runs = runsIn(doc);
    const mine = runs[this.connectionId] ?? {};
    let accounts: StoredAccount[] | undefined;
    for (const change of changes) {
      const record = { ...change.record };
      if (change.account) {
        accounts ??= accountsIn(doc);
        record.accountId = this.saveAccount(accounts, change.account, record.accountId);
        if (change.account.spentStep !== undefined) markSpent(doc, record.accountId, change.account.spentStep);
      }
      mine[recordKey(record.login)] = record;
    }
    runs[this.connectionId] = mine;
    doc.adminRuns = runs;
    if (accounts) doc.accounts = accounts;
  }

  /** Adds the account, or updates the one an earlier run saved for this login (a re-enrolled factor). */
  private saveAccount(accounts: StoredAccount[], input: AccountToSave, knownId: string | undefined): string {
    const existing = accounts.find((account) => account.id === knownId) ?? accounts.find((account) => isTestAccountOf(account, this.connectionId) && recordKey(account.label) === recordKey(input.label));
    if (existing) {
      Object.assign(existing, { issuer: input.issuer, label: input.label, secret: input.secret, digits: input.digits, period: input.period, ...(input.recoveryCode ? { recoveryCode: input.recoveryCode } : {}) });
      return existing.id;
    }
    const id = this.newId();
    accounts.push({
      id,
      issuer: input.issuer,
      label: input.label,
      type: 'totp',
      algorithm: 'SHA1',
      digits: input.digits,
      period: input.period,
      secret: input.secret,
      tags: [TEST_USER_TAG, this.connectionId],
      createdAt: this.now(),
      ...(input.recoveryCode ? { recoveryCode: input.recoveryCode } : {}),
    });
    return id;
  }
}

export function isTestAccountOf(account: Pick<StoredAccount, 'tags'>, connectionId: string): boolean {
  return account.tags.includes(TEST_USER_TAG) && account.tags.includes(connectionId);
}
