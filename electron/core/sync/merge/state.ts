import type { Hlc } from './hlc';
import type { FieldValue, SyncOp } from './ops';

export interface Register<T> {
  v: T;
  t: Hlc;
}

/** A field's current value, and the few latest values it beat, so a losing rename is not simply gone. */
export interface FieldRegister extends Register<FieldValue> {
  h?: Register<FieldValue>[];
}

export interface AccountState {
  /** The earliest clock that touched the account: breaks ties between equal positions. */
  born: Hlc;
  live: Register<boolean>;
  /** Place in the manual order (see position.ts); accounts sort by it, then by id. */
  pos?: Register<string>;
  fields: Record<string, FieldRegister>;
  /** HOTP counter: never goes backwards, whatever order the logs arrive in. */
  counter?: number;
}

export interface MemberState {
  name: string;
  sign: string;
  box: string;
  added: Hlc;
  /** Removal is final: a removed device comes back only under a new id. */
  removed?: Hlc;
}

/** Everything the group agrees on; a join-semilattice, so merging in any order gives the same state. */
export interface MergeState {
  accounts: Record<string, AccountState>;
  members: Record<string, MemberState>;
  /** The latest clock seen, so a device's next clock follows everything it has read. */
  clock?: Hlc;
}

export const HISTORY_LENGTH = 3;
export const COUNTER_FIELD = 'counter';

export const emptyState = (): MergeState => ({ accounts: {}, members: {} });

const sameValue = (a: FieldValue, b: FieldValue): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Keeps the HISTORY_LENGTH latest distinct losers, newest first: the same set whatever order they came in. */
function withHistory(history: Register<FieldValue>[] | undefined, extra: Register<FieldValue>[], winner: Hlc): Register<FieldValue>[] | undefined {
  const byClock = new Map<Hlc, Register<FieldValue>>();
  for (const entry of [...(history ?? []), ...extra]) if (entry.t !== winner) byClock.set(entry.t, entry);
  if (byClock.size === 0) return undefined;
  return [...byClock.values()].sort((a, b) => (a.t < b.t ? 1 : -1)).slice(0, HISTORY_LENGTH);
}

function writeField(account: AccountState, name: string, value: FieldValue, t: Hlc): void {
  if (name === COUNTER_FIELD) {
    if (typeof value === 'number') account.counter = Math.max(account.counter ?? 0, value);
    return;
  }
  const current = account.fields[name];
  if (!current) {
    account.fields[name] = { v: value, t };
    return;
  }
  if (current.t === t) return;
  if (t > current.t) {
    const history = sameValue(current.v, value) ? current.h : withHistory(current.h, [{ v: current.v, t: current.t }], t);
    account.fields[name] = history ? { v: value, t, h: history } : { v: value, t };
  } else if (!sameValue(current.v, value)) {
    const history = withHistory(current.h, [{ v: value, t }], current.t);
    if (history) current.h = history;
  }
}

function accountFor(state: MergeState, id: string, t: Hlc): AccountState {
  let account = state.accounts[id];
  if (!account) {
    account = { born: t, live: { v: false, t: '' }, fields: {} };
    state.accounts[id] = account;
  } else if (t < account.born) {
    account.born = t;
  }
  return account;
}

function setLive(account: AccountState, live: boolean, t: Hlc): void {
  if (t > account.live.t) account.live = { v: live, t };
}

/** Applies one op in place. Applying an op twice, or ops in any order, gives the same state. */
export function applyOp(state: MergeState, op: SyncOp): void {
  if (state.clock === undefined || op.t > state.clock) state.clock = op.t;
  switch (op.k) {
    case 'set': {
      const account = accountFor(state, op.a, op.t);
      for (const [name, value] of Object.entries(op.f)) writeField(account, name, value, op.t);
      setLive(account, true, op.t);
      return;
    }
    case 'del':
      setLive(accountFor(state, op.a, op.t), false, op.t);
      return;
    case 'move': {
      const account = accountFor(state, op.a, op.t);
      if (!account.pos || op.t > account.pos.t) account.pos = { v: op.p, t: op.t };
      return;
    }
    case 'member': {
      const member = state.members[op.d];
      if (!member || member.sign === '' || op.t < member.added) state.members[op.d] = { name: op.name, sign: op.sign, box: op.box, added: op.t, ...(member?.removed ? { removed: member.removed } : {}) };
      return;
    }
    case 'remove': {
      const member = state.members[op.d];
      if (member && (member.removed === undefined || op.t < member.removed)) member.removed = op.t;
      else if (!member) state.members[op.d] = { name: '', sign: '', box: '', added: op.t, removed: op.t };
      return;
    }
  }
}

function mergeAccount(into: AccountState, from: AccountState): void {
  if (from.born < into.born) into.born = from.born;
  setLive(into, from.live.v, from.live.t);
  if (from.pos && (!into.pos || from.pos.t > into.pos.t)) into.pos = { ...from.pos };
  if (from.counter !== undefined) into.counter = Math.max(into.counter ?? 0, from.counter);
  for (const [name, register] of Object.entries(from.fields)) {
    writeField(into, name, register.v, register.t);
    for (const old of register.h ?? []) writeField(into, name, old.v, old.t);
  }
}

/** Merges a whole state (a device's snapshot) into `into`, in place. */
export function mergeState(into: MergeState, from: MergeState): void {
  if (from.clock !== undefined && (into.clock === undefined || from.clock > into.clock)) into.clock = from.clock;
  for (const [id, account] of Object.entries(from.accounts)) {
    const existing = into.accounts[id];
    if (existing) mergeAccount(existing, account);
    else into.accounts[id] = structuredClone(account);
  }
  for (const [id, member] of Object.entries(from.members)) {
    const existing = into.members[id];
    if (!existing) {
      into.members[id] = { ...member };
      continue;
    }
    const keysKnown = member.sign !== '';
    if (keysKnown && (existing.sign === '' || member.added < existing.added)) Object.assign(existing, { name: member.name, sign: member.sign, box: member.box, added: member.added });
    if (member.removed !== undefined && (existing.removed === undefined || member.removed < existing.removed)) existing.removed = member.removed;
  }
}

/** The devices of the group that have not been removed. */
export function liveMembers(state: MergeState): string[] {
  return Object.entries(state.members)
    .filter(([, member]) => member.removed === undefined && member.sign !== '')
    .map(([id]) => id)
    .sort();
}
