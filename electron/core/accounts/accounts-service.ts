import { randomUUID } from 'node:crypto';
import { manualAccountInput, type AccountDetails, type AccountSummary, type LiveCode, type BackupAccount, type ManualAccountInput, type OtpAccount } from '../../../shared/accounts';
import { appError } from '../../../shared/errors';
import type { Vault, VaultDocument } from '../vault/vault';
import { base32ProblemSentence, normalizeBase32 } from '../otp/base32';
import { hotpCode, periodCodes } from '../otp/codes';
import { formatKeyUri, parseKeyUri } from '../otp/key-uri';
import { STEAM_DIGITS, STEAM_PERIOD } from '../otp/steam';
import { findDuplicateIn, type DuplicateReason } from './duplicates';
import { accountsIn, storedFrom, summaryOf, type StoredAccount } from './stored-account';
import { UndoDeletes } from './undo-deletes';
import { displayTextRefusal } from '../../../shared/display-text';
import { accountsNamed, displayName } from '../../../shared/account-names';

export type VaultLike = Pick<Vault, 'read' | 'update' | 'refreshIfChanged'>;

export interface AccountsServiceOptions {
  /** Epoch ms, skew-corrected; codes and undo expiry use it. */
  now: () => number;
  newId?: () => string;
  /** Told after every change this service saved. */
  onChange?: () => void;
  /**
   * Runs on the document inside the save of every change, before it is written: sync stamps the edit
   * into its outbox here, so the edit and its sync record land in one atomic save.
   */
  withinSave?: (doc: VaultDocument) => void | Promise<void>;
}

const notFound = () => appError('NOT_FOUND', 'That account no longer exists; it may have been deleted in another window or by the CLI.');

function refuseDuplicate(accounts: readonly StoredAccount[], account: OtpAccount): void {
  const duplicate = findDuplicateIn(accounts, account);
  if (!duplicate) return;
  const why = duplicate.reason === 'secret' ? 'has the same secret' : 'has the same issuer and name';
  throw appError('DUPLICATE', `${displayName(duplicate.account)} already exists and ${why}.`);
}

/** The user's OTP accounts, kept in the vault document as `doc.accounts` in the user's order. */
export class AccountsService {
  private readonly undo: UndoDeletes;
  private readonly newId: () => string;

  constructor(
    private readonly vault: VaultLike,
    private readonly options: AccountsServiceOptions,
  ) {
    this.undo = new UndoDeletes(options.now);
    this.newId = options.newId ?? randomUUID;
  }

  list(): AccountSummary[] {
    return this.stored().map(summaryOf);
  }

  /** Current and next codes of every time-based account at `at` (epoch ms, default now). */
  codes(at: number = this.options.now()): LiveCode[] {
    return this.stored()
      .filter((account) => account.type !== 'hotp')
      .map((account) => ({ id: account.id, ...periodCodes(account, at) }));
  }

  async add(input: ManualAccountInput): Promise<AccountSummary> {
    const checked = manualAccountInput.safeParse(input);
    if (!checked.success) {
      const field = checked.error.issues[0]?.path.join('.') || 'account';
      throw appError('INVALID_INPUT', `The account's ${field} is not valid.`, { field });
    }
    const parsed = checked.data;
    const normalized = normalizeBase32(parsed.secret);
    if ('problem' in normalized) throw appError('INVALID_INPUT', `The ${base32ProblemSentence[normalized.problem]}.`, { field: 'secret' });
    const steam = parsed.type === 'steam';
    if (!steam && parsed.digits < 6) throw appError('INVALID_INPUT', 'Codes must have 6, 7 or 8 digits.', { field: 'digits' });
    return this.insert({
      type: parsed.type,
      issuer: parsed.issuer.trim(),
      label: parsed.label.trim(),
      secret: normalized.secret,
      algorithm: steam ? 'SHA1' : parsed.algorithm,
      digits: steam ? STEAM_DIGITS : parsed.digits,
      period: steam ? STEAM_PERIOD : parsed.period,
      ...(parsed.type === 'hotp' ? { counter: parsed.counter ?? 0 } : {}),
    });
  }

  async addUri(uri: string): Promise<AccountSummary> {
    return this.insert(parseKeyUri(uri));
  }

  /** Adds an account from any source (URI, importer); refuses a duplicate of an existing one. */
  async insert(account: BackupAccount, tags: string[] = []): Promise<AccountSummary> {
    if (account.label.trim() === '') throw appError('INVALID_INPUT', 'The account needs a name.', { field: 'label' });
    refuseHiddenText(account.issuer, account.label);
    return this.mutate((accounts) => {
      refuseDuplicate(accounts, account);
      const stored = storedFrom(account, { id: this.newId(), tags, createdAt: this.options.now() });
      accounts.push(stored);
      return summaryOf(stored);
    });
  }

  /**
   * An import's "replace": `account` takes the place of the stored account `id`, keeping its id, its
   * position in the user's order and its tags, and its recovery code unless `account` brings one.
   * Refused when it duplicates another stored account too.
   */
  async replace(id: string, account: BackupAccount): Promise<AccountSummary> {
    if (account.label.trim() === '') throw appError('INVALID_INPUT', 'The account needs a name.', { field: 'label' });
    return this.mutate((accounts) => {
      const index = accounts.findIndex((entry) => entry.id === id);
      const current = accounts[index];
      if (!current) throw notFound();
      refuseDuplicate(accounts.filter((entry) => entry.id !== id), account);
      const stored = storedFrom(account, current);
      accounts[index] = stored;
      return summaryOf(stored);
    });
  }

  async rename(id: string, issuer: string, label: string): Promise<AccountSummary> {
    if (label.trim() === '') throw appError('INVALID_INPUT', 'The account needs a name.', { field: 'label' });
    refuseHiddenText(issuer, label);
    return this.mutate((accounts) => {
      const account = accounts.find((entry) => entry.id === id);
      if (!account) throw notFound();
      account.issuer = issuer.trim();
      account.label = label.trim();
      return summaryOf(account);
    });
  }

  /**
   * Puts the named accounts first, in the given order. Accounts not named (another process added
   * them meanwhile) keep their relative order after them; unknown ids are ignored.
   */
  async reorder(ids: readonly string[]): Promise<AccountSummary[]> {
    if (new Set(ids).size !== ids.length) throw appError('INVALID_INPUT', 'The new order names an account twice.', { field: 'ids' });
    return this.mutate((accounts) => {
      const byId = new Map(accounts.map((account) => [account.id, account]));
      const named = ids.flatMap((id) => byId.get(id) ?? []);
      const rest = accounts.filter((account) => !ids.includes(account.id));
      accounts.splice(0, accounts.length, ...named, ...rest);
      return accounts.map(summaryOf);
    });
  }

  /** Deletes an account; the token brings it back within 30 s (in this process only). */
  async delete(id: string): Promise<{ undoToken: string }> {
    const removed = await this.mutate((accounts) => {
      const index = accounts.findIndex((entry) => entry.id === id);
      if (index === -1) throw notFound();
      const [account] = accounts.splice(index, 1);
      return { account: account!, index };
    });
    return { undoToken: this.undo.remember(removed.account, removed.index) };
  }

  async undoDelete(token: string): Promise<AccountSummary> {
    const entry = this.undo.peek(token);
    if (!entry) throw appError('NOT_FOUND', 'The account can no longer be restored: undo is only possible for 30 seconds after deleting.');
    const summary = await this.mutate((accounts) => {
      if (!accounts.some((account) => account.id === entry.account.id)) accounts.splice(Math.min(entry.index, accounts.length), 0, entry.account);
      return summaryOf(entry.account);
    });
    this.undo.forget(token);
    return summary;
  }

  /** Advances an HOTP account: the incremented counter is saved before the code is returned. */
  async nextHotp(id: string): Promise<{ id: string; code: string; counter: number }> {
    return this.mutate((accounts) => {
      const account = accounts.find((entry) => entry.id === id);
      if (!account) throw notFound();
      if (account.type !== 'hotp') throw appError('INVALID_INPUT', `${displayName(account)} is time-based: its code changes by itself.`);
      const used = account.counter ?? 0;
      account.counter = used + 1;
      return { id, code: hotpCode(account, used), counter: account.counter };
    });
  }

  /** The secret and a Key Uri, for when the user asked to see them. */
  reveal(id: string): AccountDetails {
    const account = this.find(id);
    return { ...summaryOf(account), secret: account.secret, uri: formatKeyUri(account) };
  }

  /** The recovery code kept with the account, for backups; never part of what the renderer receives. */
  recoveryCode(id: string): string | undefined {
    return this.find(id).recoveryCode;
  }

  /** The current code of one account (HOTP accounts need nextHotp). */
  currentCode(id: string, at: number = this.options.now()): { code: string; periodStart: number; period: number } {
    const account = this.find(id);
    if (account.type === 'hotp') throw appError('INVALID_INPUT', `${displayName(account)} is counter-based: ask for its next code instead.`);
    const { code, periodStart, period } = periodCodes(account, at);
    return { code, periodStart, period };
  }

  /** For importers: the existing account an incoming one duplicates, if any. */
  findDuplicate(candidate: Pick<StoredAccount, 'secret' | 'issuer' | 'label'>): { account: AccountSummary; reason: DuplicateReason } | undefined {
    const found = findDuplicateIn(this.stored(), candidate);
    return found ? { account: summaryOf(found.account), reason: found.reason } : undefined;
  }

  /** Accounts a CLI query names (see accountsNamed). */
  query(text: string): AccountSummary[] {
    return accountsNamed(this.stored(), text).map(summaryOf);
  }

  /** Forgets undo tokens (the vault was locked). */
  forgetUndo(): void {
    this.undo.clear();
  }

  private stored(): StoredAccount[] {
    return accountsIn(this.vault.read());
  }

  private find(id: string): StoredAccount {
    const account = this.stored().find((entry) => entry.id === id);
    if (!account) throw notFound();
    return account;
  }

  private async mutate<T>(change: (accounts: StoredAccount[]) => T): Promise<T> {
    const result = await this.vault.update(async (doc) => {
      const accounts = accountsIn(doc);
      const value = change(accounts);
      doc.accounts = accounts;
      await this.options.withinSave?.(doc);
      return value;
    });
    this.options.onChange?.();
    return result;
  }
}

/** Every way an account is named ends here, so no source can store a name that disguises itself. */
function refuseHiddenText(issuer: string, label: string): void {
  const hidden = displayTextRefusal([['issuer', issuer], ['label', label]]);
  if (hidden) throw appError('INVALID_INPUT', `The account’s ${hidden.reason}.`, { field: hidden.field });
}
