import type { StoredAccount } from '../../accounts/stored-account';
import type { Hlc } from './hlc';
import type { FieldValue, SyncOp } from './ops';
import { applyOp, COUNTER_FIELD, type MergeState } from './state';

/** What makes two accounts the same account to a person: the codes they give and the name they show. */
const identityOf = (account: StoredAccount): string => JSON.stringify([account.secret, account.issuer, account.label, account.type, account.algorithm, account.digits, account.period]);

/**
 * The same account added on two computers before either synced arrives twice, under two ids. Every
 * computer that has merged both turns them into one the same way, so they converge: the copy added
 * first (earliest clock, then smaller id) stays and takes from the others their tags, the highest HOTP
 * counter and any field it lacks (a recovery code); the others are deleted. Ops are applied to `state`
 * as they are made. Accounts that only share a secret or only a name stay apart: those are the
 * person's to tell apart.
 */
export function mergeDuplicates(state: MergeState, accounts: readonly StoredAccount[], tick: () => Hlc): SyncOp[] {
  const groups = new Map<string, StoredAccount[]>();
  for (const account of accounts) {
    const key = identityOf(account);
    groups.set(key, [...(groups.get(key) ?? []), account]);
  }
  const ops: SyncOp[] = [];
  const emit = (op: SyncOp) => {
    applyOp(state, op);
    ops.push(op);
  };
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const born = (account: StoredAccount) => state.accounts[account.id]?.born ?? '';
    const [keeper, ...copies] = [...group].sort((a, b) => (born(a) !== born(b) ? (born(a) < born(b) ? -1 : 1) : a.id < b.id ? -1 : 1));
    const kept = keeper as unknown as Record<string, FieldValue | undefined>;
    const fields: Record<string, FieldValue> = {};
    const tags = [...keeper!.tags];
    for (const copy of copies) {
      for (const tag of copy.tags) if (!tags.includes(tag)) tags.push(tag);
      for (const [name, value] of Object.entries(copy)) {
        if (name === 'id' || value === undefined) continue;
        if (name === COUNTER_FIELD && typeof value === 'number' && value > ((fields[name] ?? kept[name] ?? -1) as number)) fields[name] = value;
        else if (kept[name] === undefined && fields[name] === undefined) fields[name] = value as FieldValue;
      }
    }
    if (tags.length > keeper!.tags.length) fields.tags = tags;
    if (Object.keys(fields).length > 0) emit({ k: 'set', t: tick(), a: keeper!.id, f: fields });
    for (const copy of copies) emit({ k: 'del', t: tick(), a: copy.id });
  }
  return ops;
}
