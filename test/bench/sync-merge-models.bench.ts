/**
 * The two merge models the sync design allowed, on the same history: 500 accounts on 3 devices with
 * 10,000 operations (500 adds, then renames, HOTP counter steps, moves, deletes and undos, the devices
 * exchanging changes every 100 operations). Prints, for each model, the time a device takes to merge
 * the three histories from scratch and the bytes of history per operation.
 *   - automerge: @automerge/automerge documents, one per device, merged with Automerge.merge.
 *   - lww: electron/core/sync/merge, a last-writer-wins register per account field on hybrid logical
 *     clocks with tombstones (what Traykey uses).
 * Run: `npx tsx test/bench/sync-merge-models.bench.ts` (also part of `npm run bench:sync`).
 */
import * as Automerge from '@automerge/automerge';
import { HybridClock } from '../../electron/core/sync/merge/hlc';
import type { SyncOp } from '../../electron/core/sync/merge/ops';
import { positionBetween } from '../../electron/core/sync/merge/position';
import { projectAccounts } from '../../electron/core/sync/merge/projection';
import { applyOp, emptyState } from '../../electron/core/sync/merge/state';

const ACCOUNTS = 500;
const DEVICES = 3;
const OPERATIONS = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

type Action =
  | { kind: 'add'; id: string; index: number }
  | { kind: 'rename'; id: string; label: string }
  | { kind: 'counter'; id: string }
  | { kind: 'move'; id: string; to: number }
  | { kind: 'delete'; id: string }
  | { kind: 'undo'; id: string };

/** A fixed pseudo-random history, so both models replay exactly the same actions. */
function history(): { device: number; action: Action }[] {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const ids = Array.from({ length: ACCOUNTS }, (_, i) => `acct-${i.toString().padStart(4, '0')}-${'x'.repeat(26)}`);
  const actions: { device: number; action: Action }[] = ids.map((id, index) => ({ device: index % DEVICES, action: { kind: 'add', id, index } }));
  const deleted: string[] = [];
  while (actions.length < OPERATIONS) {
    const device = Math.floor(random() * DEVICES);
    const id = ids[Math.floor(random() * ids.length)]!;
    const roll = random();
    if (deleted.length > 0 && roll < 0.03) actions.push({ device, action: { kind: 'undo', id: deleted.pop()! } });
    else if (roll < 0.06 && !deleted.includes(id)) {
      deleted.push(id);
      actions.push({ device, action: { kind: 'delete', id } });
    } else if (roll < 0.12) actions.push({ device, action: { kind: 'move', id, to: Math.floor(random() * ACCOUNTS) } });
    else if (roll < 0.3) actions.push({ device, action: { kind: 'counter', id } });
    else actions.push({ device, action: { kind: 'rename', id, label: `user${Math.floor(random() * 1e6)}@example.com` } });
  }
  return actions;
}

function accountFields(index: number) {
  return { issuer: 'Example', label: `user${index}@example.com`, type: index % 10 === 0 ? 'hotp' : 'totp', algorithm: 'SHA1', digits: 6, period: 30, secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', tags: ['work'], createdAt: 1_790_000_000_000 + index };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))]!;

function lwwLogs(actions: ReturnType<typeof history>): SyncOp[][] {
  let wall = 1_790_000_000_000;
  const clocks = Array.from({ length: DEVICES }, (_, device) => new HybridClock(`dev${device}abcd`, () => wall));
  const logs: SyncOp[][] = Array.from({ length: DEVICES }, () => []);
  const order: string[] = [];
  const positions = new Map<string, string>();
  const counters = new Map<string, number>();
  actions.forEach(({ device, action }, step) => {
    wall += 7;
    if (step % 100 === 0) for (const clock of clocks) for (const log of logs) if (log.length > 0) clock.observe(log[log.length - 1]!.t);
    const t = clocks[device]!.tick();
    const log = logs[device]!;
    switch (action.kind) {
      case 'add': {
        const p = positionBetween(positions.get(order[order.length - 1] ?? '') ?? '', undefined);
        order.push(action.id);
        positions.set(action.id, p);
        log.push({ k: 'set', t, a: action.id, f: accountFields(action.index) }, { k: 'move', t, a: action.id, p });
        break;
      }
      case 'rename':
        log.push({ k: 'set', t, a: action.id, f: { label: action.label } });
        break;
      case 'counter': {
        const next = (counters.get(action.id) ?? 0) + 1;
        counters.set(action.id, next);
        log.push({ k: 'set', t, a: action.id, f: { counter: next } });
        break;
      }
      case 'move': {
        order.splice(order.indexOf(action.id), 1);
        const to = Math.min(action.to, order.length);
        const before = to > 0 ? positions.get(order[to - 1]!)! : '';
        const p = positionBetween(before, to < order.length ? positions.get(order[to]!) : undefined);
        order.splice(to, 0, action.id);
        positions.set(action.id, p);
        log.push({ k: 'move', t, a: action.id, p });
        break;
      }
      case 'delete':
        log.push({ k: 'del', t, a: action.id });
        break;
      case 'undo':
        log.push({ k: 'set', t, a: action.id, f: {} });
        break;
    }
  });
  return logs;
}

// A type alias, not an interface: Automerge wants a string-indexable record.
type AccountsDoc = {
  accounts: Record<string, Record<string, unknown>>;
  order: string[];
};

function automergeDocs(actions: ReturnType<typeof history>): Automerge.Doc<AccountsDoc>[] {
  const base = Automerge.from<AccountsDoc>({ accounts: {}, order: [] });
  let docs = Array.from({ length: DEVICES }, (_, device) => Automerge.clone(base, { actor: `0${device}`.padEnd(32, 'a') }));
  actions.forEach(({ device, action }, step) => {
    if (step % 100 === 0 && step > 0) {
      const all = docs.slice(1).reduce((merged, doc) => Automerge.merge(merged, doc), Automerge.clone(docs[0]!));
      docs = docs.map((doc) => Automerge.merge(doc, all));
    }
    docs[device] = Automerge.change(docs[device]!, (doc) => {
      switch (action.kind) {
        case 'add':
          doc.accounts[action.id] = { ...accountFields(action.index), deleted: false, counter: 0 };
          doc.order.push(action.id);
          break;
        case 'rename':
          if (doc.accounts[action.id]) doc.accounts[action.id]!.label = action.label;
          break;
        case 'counter':
          if (doc.accounts[action.id]) doc.accounts[action.id]!.counter = ((doc.accounts[action.id]!.counter as number) ?? 0) + 1;
          break;
        case 'move': {
          const at = doc.order.indexOf(action.id);
          if (at >= 0) {
            doc.order.splice(at, 1);
            doc.order.splice(Math.min(action.to, doc.order.length), 0, action.id);
          }
          break;
        }
        case 'delete':
          if (doc.accounts[action.id]) doc.accounts[action.id]!.deleted = true;
          break;
        case 'undo':
          if (doc.accounts[action.id]) doc.accounts[action.id]!.deleted = false;
          break;
      }
    });
  });
  return docs;
}

const actions = history();

const lww = lwwLogs(actions);
const lwwOps = lww.flat().length;
const lwwBytes = lww.flat().reduce((sum, op) => sum + JSON.stringify(op).length, 0);
const lwwTimes: number[] = [];
let lwwAccounts = 0;
for (let run = 0; run < RUNS; run++) {
  const startedAt = performance.now();
  const state = emptyState();
  for (const log of lww) for (const op of log) applyOp(state, op);
  lwwAccounts = projectAccounts(state).length;
  lwwTimes.push(performance.now() - startedAt);
}
const moves = lww.flat().filter((op) => op.k === 'move');
const moveBytes = moves.reduce((sum, op) => sum + JSON.stringify(op).length, 0);


const docs = automergeDocs(actions);
const saved = docs.map((doc) => Automerge.save(doc));
const amBytes = saved.reduce((sum, bytes) => sum + bytes.length, 0);
const amTimes: number[] = [];
let amAccounts = 0;
for (let run = 0; run < RUNS; run++) {
  const startedAt = performance.now();
  const loaded = saved.map((bytes) => Automerge.load<AccountsDoc>(bytes));
  const merged = loaded.slice(1).reduce((into, doc) => Automerge.merge(into, doc), loaded[0]!);
  amAccounts = Object.values(merged.accounts).filter((account) => account.deleted !== true).length;
  amTimes.push(performance.now() - startedAt);
}

console.log(`${ACCOUNTS} accounts × ${DEVICES} devices, ${OPERATIONS} operations of history, ${RUNS} runs`);
console.log(`lww:       merge from scratch median ${median(lwwTimes).toFixed(1)} ms, p95 ${p95(lwwTimes).toFixed(1)} ms; history ${(lwwBytes / 1024).toFixed(0)} KiB JSON = ${(lwwBytes / OPERATIONS).toFixed(0)} B/op over ${lwwOps} ops (adds are two: fields and position; a move: ${(moveBytes / Math.max(1, moves.length)).toFixed(0)} B); ${lwwAccounts} live accounts`);
console.log(`automerge: load + merge median ${median(amTimes).toFixed(1)} ms, p95 ${p95(amTimes).toFixed(1)} ms; saved documents ${(amBytes / 1024).toFixed(0)} KiB = ${(amBytes / OPERATIONS).toFixed(0)} B/op (3 full copies); ${amAccounts} live accounts`);
