import type { StoredAccount } from '../../accounts/stored-account';
import type { Hlc } from './hlc';
import type { FieldValue, SyncOp } from './ops';
import { repositions } from './position';
import { projectAccounts } from './projection';
import { applyOp, COUNTER_FIELD, type MergeState } from './state';

const sameValue = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

function fieldsOf(account: StoredAccount): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  for (const [name, value] of Object.entries(account)) if (name !== 'id' && value !== undefined) fields[name] = value as FieldValue;
  return fields;
}

/**
 * The ops that turn the merged state's accounts into `current` (the vault as this device's user left
 * it), applied to `state` as they are made. Comparing with the vault rather than hooking each edit
 * also catches edits by other processes (the CLI) and by code that knows nothing of sync.
 * `projected`: the state's projection when the caller has just made it, so it is not made twice.
 */
export function diffAccounts(state: MergeState, current: readonly StoredAccount[], tick: () => Hlc, projected: readonly StoredAccount[] = projectAccounts(state)): SyncOp[] {
  const ops: SyncOp[] = [];
  const emit = (op: SyncOp) => {
    applyOp(state, op);
    ops.push(op);
  };
  const before = new Map(projected.map((account) => [account.id, account]));
  const currentIds = new Set(current.map((account) => account.id));
  for (const account of current) {
    const known = before.get(account.id);
    const fields = fieldsOf(account);
    const existing = state.accounts[account.id];
    const changed: Record<string, FieldValue> = {};
    for (const [name, value] of Object.entries(fields)) {
      if (name === COUNTER_FIELD) {
        if (typeof value === 'number' && value > (existing?.counter ?? -1)) changed[name] = value;
      } else if (!existing?.fields[name] || !sameValue(existing.fields[name].v, value)) {
        changed[name] = value;
      }
    }
    if (known && Object.keys(changed).length === 0) continue;
    // A deleted account back in the vault (Undo) is made live again, with only the fields that differ.
    emit({ k: 'set', t: tick(), a: account.id, f: changed });
  }
  for (const id of before.keys()) if (!currentIds.has(id)) emit({ k: 'del', t: tick(), a: id });
  // Without ops the state is as it was, so its order is the one projected above (one projection saved).
  const merged = ops.length === 0 ? [...before.keys()] : projectAccounts(state).map((account) => account.id);
  if (!sameValue(merged, current.map((account) => account.id))) {
    // Two accounts may share a position (moved at once on two devices): only strictly rising positions count as in order.
    const keys = current.map((account) => state.accounts[account.id]?.pos?.v);
    for (const [index, p] of repositions(keys)) emit({ k: 'move', t: tick(), a: current[index]!.id, p });
  }
  return ops;
}
