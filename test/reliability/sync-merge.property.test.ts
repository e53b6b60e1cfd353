import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredAccount } from '../../electron/core/accounts/stored-account';
import { diffAccounts } from '../../electron/core/sync/merge/diff';
import { HybridClock } from '../../electron/core/sync/merge/hlc';
import type { SyncOp } from '../../electron/core/sync/merge/ops';
import { projectAccounts } from '../../electron/core/sync/merge/projection';
import { applyOp, emptyState, type MergeState } from '../../electron/core/sync/merge/state';

/*
 * The pure merge layer (no crypto, no files): 2–4 devices edit their own copy of the accounts through
 * the same diff the vault hook uses, with skewed clocks, and exchange ops in random order, with
 * duplicates and delays. Once every device has every op, all hold the same accounts, and each field
 * holds the value of the latest edit to it (no edit is lost to an earlier one).
 */
const CASES = 10_000;
const ACCOUNT_IDS = ['a1', 'a2', 'a3', 'a4', 'a5'];

type Action =
  | { kind: 'add'; id: string }
  | { kind: 'rename'; slot: number; label: string }
  | { kind: 'delete'; slot: number }
  | { kind: 'undo' }
  | { kind: 'move'; slot: number; to: number }
  | { kind: 'hotp'; slot: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), id: fc.constantFrom(...ACCOUNT_IDS) }),
  fc.record({ kind: fc.constant('rename' as const), slot: fc.nat(9), label: fc.constantFrom('alice', 'bob', 'carol', 'dave') }),
  fc.record({ kind: fc.constant('delete' as const), slot: fc.nat(9) }),
  fc.record({ kind: fc.constant('undo' as const) }),
  fc.record({ kind: fc.constant('move' as const), slot: fc.nat(9), to: fc.nat(9) }),
  fc.record({ kind: fc.constant('hotp' as const), slot: fc.nat(9) }),
);

type Step = { kind: 'act'; device: number; action: Action; advance: number } | { kind: 'deliver'; device: number; picks: number[] };

const step = (devices: number): fc.Arbitrary<Step> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('act' as const), device: fc.nat(devices - 1), action, advance: fc.nat(50) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('deliver' as const), device: fc.nat(devices - 1), picks: fc.array(fc.nat(200), { maxLength: 6 }) }) },
  );

const scenario = fc.integer({ min: 2, max: 4 }).chain((devices) =>
  fc.record({
    devices: fc.constant(devices),
    skews: fc.array(fc.integer({ min: -5_000, max: 5_000 }), { minLength: devices, maxLength: devices }),
    steps: fc.array(step(devices), { minLength: 1, maxLength: 24 }),
    finalOrder: fc.array(fc.nat(10_000), { minLength: 4, maxLength: 4 }),
  }),
);

function account(id: string, device: number): StoredAccount {
  return { id, issuer: `dev${device}`, label: id, type: 'hotp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, secret: 'JBSWY3DPEHPK3PXP', tags: [], createdAt: 0 };
}

interface Device {
  clock: HybridClock;
  state: MergeState;
  undo: StoredAccount[];
}

function act(device: Device, index: number, change: Action): SyncOp[] {
  const accounts = projectAccounts(device.state).map((entry) => ({ ...entry }));
  const pick = (slot: number) => accounts[slot % Math.max(1, accounts.length)];
  switch (change.kind) {
    case 'add':
      if (!device.state.accounts[change.id]) accounts.push(account(change.id, index));
      break;
    case 'rename': {
      const target = pick(change.slot);
      if (target) target.label = change.label;
      break;
    }
    case 'delete': {
      const target = pick(change.slot);
      if (target) {
        accounts.splice(accounts.indexOf(target), 1);
        device.undo.push(target);
      }
      break;
    }
    case 'undo': {
      const restored = device.undo.pop();
      if (restored && !accounts.some((entry) => entry.id === restored.id)) accounts.push(restored);
      break;
    }
    case 'move': {
      const target = pick(change.slot);
      if (target) {
        accounts.splice(accounts.indexOf(target), 1);
        accounts.splice(change.to % (accounts.length + 1), 0, target);
      }
      break;
    }
    case 'hotp': {
      const target = pick(change.slot);
      if (target) target.counter = (target.counter ?? 0) + 1;
      break;
    }
  }
  return diffAccounts(device.state, accounts, () => device.clock.tick());
}

/** The oracle, independent of applyOp: per field the latest write; liveness the latest set/del; counter the maximum. */
function expected(ops: SyncOp[]): Map<string, { live: boolean; fields: Record<string, unknown>; counter: number }> {
  const byAccount = new Map<string, { liveAt: string; live: boolean; fields: Record<string, { v: unknown; t: string }>; counter: number }>();
  for (const op of ops) {
    if (op.k !== 'set' && op.k !== 'del') continue;
    const entry = byAccount.get(op.a) ?? { liveAt: '', live: false, fields: {}, counter: 0 };
    byAccount.set(op.a, entry);
    if (op.t > entry.liveAt) Object.assign(entry, { liveAt: op.t, live: op.k === 'set' });
    if (op.k === 'set') {
      for (const [name, value] of Object.entries(op.f)) {
        if (name === 'counter') entry.counter = Math.max(entry.counter, value as number);
        else if (!entry.fields[name] || op.t > entry.fields[name].t) entry.fields[name] = { v: value, t: op.t };
      }
    }
  }
  return new Map([...byAccount].map(([id, entry]) => [id, { live: entry.live, counter: entry.counter, fields: Object.fromEntries(Object.entries(entry.fields).map(([name, field]) => [name, field.v])) }]));
}

describe('merging random edits from 2–4 devices', () => {
  it('converges whatever the delivery order, duplication and delay, and keeps every latest edit', () => {
    fc.assert(
      fc.property(scenario, ({ devices: count, skews, steps, finalOrder }) => {
        let wall = 1_790_000_000_000;
        const devices: Device[] = skews.map((skew, index) => ({ clock: new HybridClock(`device${index}`, () => wall + skew), state: emptyState(), undo: [] }));
        const published: SyncOp[] = [];
        for (const entry of steps) {
          const device = devices[entry.device]!;
          if (entry.kind === 'act') {
            wall += entry.advance;
            published.push(...act(device, entry.device, entry.action));
          } else {
            for (const pick of entry.picks) {
              const op = published[pick % Math.max(1, published.length)];
              if (!op) continue;
              device.clock.observe(op.t);
              applyOp(device.state, op);
            }
          }
        }
        // Every device finally gets everything, each in its own shuffled order, some ops twice.
        devices.forEach((device, index) => {
          const rotation = finalOrder[index % finalOrder.length]! % Math.max(1, published.length);
          const delivery = [...published.slice(rotation), ...published.slice(0, rotation)].reverse();
          for (const op of [...delivery, ...delivery.filter((_, at) => at % 3 === index % 3)]) applyOp(device.state, op);
        });
        const results = devices.map((device) => JSON.stringify(projectAccounts(device.state)));
        expect(new Set(results).size).toBe(1);
        const merged = projectAccounts(devices[0]!.state);
        for (const [id, want] of expected(published)) {
          const got = merged.find((entry) => entry.id === id);
          expect(got !== undefined).toBe(want.live);
          if (!got) continue;
          for (const [name, value] of Object.entries(want.fields)) expect(got[name as keyof StoredAccount]).toEqual(value);
          expect(got.counter).toBe(want.counter);
        }
        expect(count).toBe(devices.length);
      }),
      { numRuns: CASES },
    );
  }, 120_000);
});
