import { storedAccount, type StoredAccount } from '../../accounts/stored-account';
import type { FieldValue } from './ops';
import { COUNTER_FIELD, type AccountState, type MergeState } from './state';

/** The account as the vault keeps it, or undefined while its fields are incomplete (ops still on their way). */
function accountOf(id: string, account: AccountState): StoredAccount | undefined {
  const candidate: Record<string, FieldValue> = { id };
  for (const [name, register] of Object.entries(account.fields)) candidate[name] = register.v;
  if (account.counter !== undefined) candidate[COUNTER_FIELD] = account.counter;
  const parsed = storedAccount.safeParse(candidate);
  if (!parsed.success) return undefined;
  // Fields the schema does not know yet (added by a newer Traykey) travel on untouched, in a fixed order.
  const result: Record<string, unknown> = { ...parsed.data };
  for (const name of Object.keys(candidate).sort()) if (!(name in result)) result[name] = candidate[name];
  return result as StoredAccount;
}

/** The live accounts in the manual order: by position, then by the clock that created them, then by id. */
export function projectAccounts(state: MergeState): StoredAccount[] {
  const live: { account: StoredAccount; pos: string; born: string }[] = [];
  for (const [id, account] of Object.entries(state.accounts)) {
    if (!account.live.v) continue;
    const stored = accountOf(id, account);
    if (stored) live.push({ account: stored, pos: account.pos?.v ?? '', born: account.born });
  }
  live.sort((a, b) => (a.pos !== b.pos ? (a.pos < b.pos ? -1 : 1) : a.born !== b.born ? (a.born < b.born ? -1 : 1) : a.account.id < b.account.id ? -1 : 1));
  return live.map((entry) => entry.account);
}
