import { describe, expect, it } from 'vitest';
import type { StoredAccount } from '../../../electron/core/accounts/stored-account';
import { diffAccounts } from '../../../electron/core/sync/merge/diff';
import { HybridClock } from '../../../electron/core/sync/merge/hlc';
import type { SyncOp } from '../../../electron/core/sync/merge/ops';
import { positionBetween, repositions } from '../../../electron/core/sync/merge/position';
import { projectAccounts } from '../../../electron/core/sync/merge/projection';
import { applyOp, emptyState, mergeState, type MergeState } from '../../../electron/core/sync/merge/state';

const NOW = 1_790_000_000_000;

function account(id: string, label = id): StoredAccount {
  return { id, issuer: 'ACME', label, type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, secret: 'JBSWY3DPEHPK3PXP', tags: [], createdAt: NOW };
}

/** A device: its clock (with its own idea of the time) and its merged state. */
function device(name: string, now: () => number) {
  const clock = new HybridClock(name, now);
  const state: MergeState = emptyState();
  return {
    state,
    edit(change: (accounts: StoredAccount[]) => StoredAccount[]): SyncOp[] {
      return diffAccounts(state, change(projectAccounts(state).map((entry) => ({ ...entry }))), () => clock.tick());
    },
    receive(ops: SyncOp[]) {
      for (const op of ops) {
        clock.observe(op.t);
        applyOp(state, op);
      }
    },
    accounts: () => projectAccounts(state),
  };
}

function pair() {
  let time = NOW;
  const a = device('deviceaa', () => time);
  const b = device('devicebb', () => time);
  const shared = a.edit(() => [account('x'), account('y'), account('z')]);
  b.receive(shared);
  return { a, b, advance: (ms: number) => (time += ms) };
}

const rename = (id: string, label: string) => (accounts: StoredAccount[]) => accounts.map((entry) => (entry.id === id ? { ...entry, label } : entry));
const remove = (id: string) => (accounts: StoredAccount[]) => accounts.filter((entry) => entry.id !== id);

describe('merge rules', () => {
  it('rename against rename: the later clock wins and the other name is kept in the history', () => {
    const { a, b, advance } = pair();
    const first = a.edit(rename('x', 'from A'));
    advance(10);
    const second = b.edit(rename('x', 'from B'));
    a.receive(second);
    b.receive(first);
    expect(a.accounts()).toEqual(b.accounts());
    expect(a.accounts()[0]?.label).toBe('from B');
    expect(a.state.accounts.x?.fields.label?.h?.map((entry) => entry.v)).toContain('from A');
  });

  it('edit against delete: the delete wins only when it is later', () => {
    const { a, b, advance } = pair();
    const deleted = a.edit(remove('x'));
    advance(10);
    const renamed = b.edit(rename('x', 'kept'));
    a.receive(renamed);
    b.receive(deleted);
    expect(a.accounts().map((entry) => entry.label)).toEqual(['kept', 'y', 'z']);
    expect(b.accounts()).toEqual(a.accounts());

    const renamedFirst = a.edit(rename('y', 'lost'));
    advance(10);
    const deletedLater = b.edit(remove('y'));
    a.receive(deletedLater);
    b.receive(renamedFirst);
    expect(a.accounts().map((entry) => entry.id)).toEqual(['x', 'z']);
    expect(b.accounts()).toEqual(a.accounts());
  });

  it('an Undo on one device brings the account back on the others', () => {
    const { a, b, advance } = pair();
    const original = a.accounts()[1]!;
    b.receive(a.edit(remove('y')));
    expect(b.accounts().map((entry) => entry.id)).toEqual(['x', 'z']);
    advance(10);
    b.receive(a.edit((accounts) => [accounts[0]!, original, ...accounts.slice(1)]));
    expect(b.accounts().map((entry) => entry.id)).toEqual(['x', 'y', 'z']);
  });

  it('HOTP counters take the maximum, whichever device stepped last', () => {
    const { a, b, advance } = pair();
    const counter = (value: number) => (accounts: StoredAccount[]) => accounts.map((entry) => (entry.id === 'x' ? { ...entry, type: 'hotp' as const, counter: value } : entry));
    const high = a.edit(counter(7));
    advance(10);
    const low = b.edit(counter(3));
    a.receive(low);
    b.receive(high);
    expect(a.accounts()[0]?.counter).toBe(7);
    expect(b.accounts()[0]?.counter).toBe(7);
  });

  it('a late-arriving older move does not undo a newer one', () => {
    const { a, b, advance } = pair();
    const older = a.edit((accounts) => [accounts[2]!, accounts[0]!, accounts[1]!]);
    advance(10);
    const newer = b.edit((accounts) => [accounts[1]!, accounts[0]!, accounts[2]!]);
    b.receive(older);
    a.receive(newer);
    expect(a.accounts().map((entry) => entry.id)).toEqual(b.accounts().map((entry) => entry.id));
    expect(a.accounts()[0]?.id).toBe('y');
  });

  it('an edit made after seeing another keeps its place even when its machine clock is behind', () => {
    let fast = NOW + 60_000;
    const slowNow = NOW;
    const a = device('deviceaa', () => fast);
    const b = device('devicebb', () => slowNow);
    b.receive(a.edit(() => [account('x', 'ahead')]));
    fast += 1;
    a.receive(b.edit(rename('x', 'after')));
    expect(a.accounts()[0]?.label).toBe('after');
  });

  it('a snapshot merges like the ops it summarises', () => {
    const { a, b, advance } = pair();
    a.edit(rename('x', 'one'));
    advance(5);
    b.edit(remove('z'));
    const viaState = structuredClone(a.state);
    mergeState(viaState, b.state);
    const other = structuredClone(b.state);
    mergeState(other, a.state);
    expect(projectAccounts(viaState)).toEqual(projectAccounts(other));
    expect(projectAccounts(viaState).map((entry) => entry.label)).toEqual(['one', 'y']);
  });
});

describe('positions in the manual order', () => {
  it('always finds a key between two neighbours', () => {
    expect(positionBetween('', undefined) < 'z').toBe(true);
    for (const [low, high] of [['a', 'b'], ['a', 'a1'], ['az', 'b'], ['', '1'], ['zz', undefined]] as const) {
      const key = positionBetween(low, high);
      expect(key > low).toBe(true);
      if (high !== undefined) expect(key < high).toBe(true);
    }
  });

  it('moving one account rewrites one position', () => {
    expect([...repositions(['b', 'c', 'a', 'd']).keys()]).toEqual([2]);
  });
});
