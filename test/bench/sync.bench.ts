/**
 * Sync figures (run: `npm run bench:sync`, which also runs sync-merge-models.bench.ts):
 *   - latency: an edit saved on app A until app B shows it, through a shared local folder with the real
 *     watchers (A's save, round and append, B's chokidar event, B's round, and B's vault save up to the
 *     moment the merge is readable); a real sync client's own delay comes on top. Target p95 ≤ 500 ms.
 *     Measured with one account and with 500, and with the vault saves each edit costs on A and on B.
 *     Both apps run in this one process, so A's work after its append competes with B's, as it would
 *     not on two computers. The load average is printed with each table: the machine may be shared.
 *     `BENCH_BASELINE=<git ref> npm run bench:sync` also measures that commit's code, sample for sample
 *     alternating with this tree's, and prints both side by side (same run, same machine load).
 *   - log growth: bytes a rename adds to a device's log, and what compaction leaves (snapshot + log)
 *     for 500 accounts after more than COMPACT_AFTER_RECORDS rounds with edits.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as appCore from '../../electron/core/app-core';
import { COMPACT_AFTER_RECORDS } from '../../electron/core/sync/engine/sync-engine';
import { stampSyncEdits } from '../../electron/core/sync/engine/stamp-edits';
import { SyncService } from '../../electron/core/sync/sync-service';
import { AccountsService } from '../../electron/core/accounts/accounts-service';
import * as vaultModule from '../../electron/core/vault/vault';
import { baselineTree } from './git-baseline';

const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };
const SAMPLES = Number(process.env.BENCH_RUNS ?? 30);
const ACCOUNTS = 500;
/** Pause after each sample so one edit's trailing work (A's bookkeeping save) does not land in the next. */
const SETTLE_MS = 400;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;
const secret = (index: number) => Array.from({ length: 32 }, (_, at) => BASE32[(index * 31 + at * 7 + (index >> 3)) % 32]).join('');
const seedAccounts = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ id: `account-${index}`, issuer: 'Example', label: `user${index}@example-corp.com`, type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, secret: secret(index), tags: ['work'], createdAt: 1_790_000_000_000 + index }));

/** One version of the code: this tree, or a baseline commit's. */
interface Code {
  name: string;
  createCore: typeof appCore.createCore;
  Vault: typeof vaultModule.Vault;
}

async function codeAt(ref: string): Promise<Code> {
  const tree = baselineTree(ref);
  const core = (await import(tree.at('electron/core/app-core.ts'))) as typeof appCore;
  const vault = (await import(tree.at('electron/core/vault/vault.ts'))) as typeof vaultModule;
  return { name: tree.commit, createCore: core.createCore, Vault: vault.Vault };
}

/** Two app cores syncing through one folder, A holding `accounts` accounts plus the one that is renamed. */
interface Pair {
  code: Code;
  a: appCore.Core;
  b: appCore.Core;
  accountId: string;
  saves: { a: number; b: number };
  samples: number[];
  savesPerEdit: { a: number[]; b: number[] };
}

async function pairUp(code: Code, root: string, accounts: number): Promise<Pair> {
  const saves = { a: 0, b: 0 };
  const cores: appCore.Core[] = [];
  for (const name of ['a', 'b'] as const) {
    const home = join(root, name);
    const vault = await code.Vault.open({ home, keySource: { kind: 'passphrase', passphrase: 'pw' }, unsafeTestScrypt: TEST_SCRYPT });
    if (name === 'a' && accounts > 0) await vault.update((doc) => void (doc.accounts = seedAccounts(accounts)));
    const update = vault.update.bind(vault);
    vault.update = (mutate, options) => {
      saves[name]++;
      return update(mutate, options);
    };
    cores.push(code.createCore({ vault, home, watchVault: false }));
  }
  const [a, b] = cores as [appCore.Core, appCore.Core];
  const folder = join(root, 'Shared');
  await a.handlers['sync:setup']({ folder });
  const offer = await a.handlers['sync:pair']({});
  await b.handlers['sync:join']({ folder, words: offer.words.join(' ') });
  const account = await a.handlers['accounts:addUri']({ uri: `otpauth://totp/Bench:user?secret=JBSWY3DPEHPK3PXP&issuer=Bench` });
  await visibleOn(b, 'user');
  return { code, a, b, accountId: account.id, saves, samples: [], savesPerEdit: { a: [], b: [] } };
}

/** Resolves once `core` lists an account named `label`. */
function visibleOn(core: appCore.Core, label: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const check = async () => {
      const list = await core.handlers['accounts:list']({});
      if (list.some((entry) => entry.label === label)) {
        off();
        resolve();
      }
    };
    const off = core.events.on('accounts:changed', () => void check());
    void check();
  });
}

async function sample(pair: Pair, run: number): Promise<void> {
  const label = `renamed-${run}`;
  const seen = visibleOn(pair.b, label);
  const before = { ...pair.saves };
  const startedAt = performance.now();
  await pair.a.handlers['accounts:rename']({ id: pair.accountId, issuer: 'Bench', label });
  await seen;
  pair.samples.push(performance.now() - startedAt);
  await sleep(SETTLE_MS);
  pair.savesPerEdit.a.push(pair.saves.a - before.a);
  pair.savesPerEdit.b.push(pair.saves.b - before.b);
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** The machine's 1-minute load average: figures from a shared machine mean little without it. */
const load = () => loadavg()[0]!.toFixed(1);

async function latency(root: string, codes: Code[], accounts: number): Promise<void> {
  const loadBefore = load();
  const pairs: Pair[] = [];
  for (const [index, code] of codes.entries()) pairs.push(await pairUp(code, join(root, `latency-${accounts}-${index}`), accounts));
  // Alternating sample for sample, so a burst of load elsewhere on the machine hits every version alike.
  for (let run = 0; run < SAMPLES; run++) for (const pair of pairs) await sample(pair, run);
  const width = 16;
  const row = (label: string, cells: string[]) => console.log(`  ${label.padEnd(26)}${cells.map((cell) => cell.padStart(width)).join('')}`);
  console.log(`edit on A → visible on B, ${accounts + 1} account(s), local folder, real watchers (n=${SAMPLES} each; target p95 ≤ 500 ms; load ${loadBefore} → ${load()})`);
  row('', pairs.map((pair) => pair.code.name));
  row('p50', pairs.map((pair) => `${quantile(pair.samples, 0.5).toFixed(0)} ms`));
  row('p95', pairs.map((pair) => `${quantile(pair.samples, 0.95).toFixed(0)} ms`));
  row('max', pairs.map((pair) => `${Math.max(...pair.samples).toFixed(0)} ms`));
  row('vault saves per edit, A', pairs.map((pair) => mean(pair.savesPerEdit.a).toFixed(1)));
  row('vault saves per edit, B', pairs.map((pair) => mean(pair.savesPerEdit.b).toFixed(1)));
  for (const pair of pairs) await Promise.all([pair.a.close(), pair.b.close()]);
}

async function folderBytes(folder: string): Promise<{ log: number; snapshot: number }> {
  const totals = { log: 0, snapshot: 0 };
  for (const name of await readdir(join(folder, 'devices'))) {
    const size = (await stat(join(folder, 'devices', name))).size;
    if (name.endsWith('.snapshot.tksync')) totals.snapshot += size;
    else totals.log += size;
  }
  return totals;
}

async function growth(root: string): Promise<void> {
  const home = join(root, 'growth');
  const folder = join(root, 'GrowthShared');
  const vault = await vaultModule.Vault.open({ home, keySource: { kind: 'passphrase', passphrase: 'pw' }, unsafeTestScrypt: TEST_SCRYPT });
  const accounts = new AccountsService(vault, { now: Date.now, withinSave: (doc) => stampSyncEdits(doc, Date.now()) });
  await vault.update((doc) => void (doc.accounts = seedAccounts(ACCOUNTS)));
  const sync = new SyncService({ vault, home, now: Date.now });
  await sync.setup(folder);
  const afterSetup = await folderBytes(folder);
  const sizes: number[] = [];
  let compactedAt = -1;
  let before = afterSetup.log;
  for (let edit = 0; edit < COMPACT_AFTER_RECORDS + 20; edit++) {
    await accounts.rename(`account-${edit % ACCOUNTS}`, 'Example', `renamed-${edit}@example-corp.com`);
    const report = await sync.syncNow();
    const now = await folderBytes(folder);
    if (report.compacted && compactedAt < 0) compactedAt = edit;
    else if (!report.compacted) sizes.push(now.log - before);
    before = now.log;
  }
  const after = await folderBytes(folder);
  console.log(`log growth: ${ACCOUNTS} accounts added at setup = ${(afterSetup.log / 1024).toFixed(0)} KiB (${(afterSetup.log / ACCOUNTS).toFixed(0)} B per account); one rename = ${quantile(sizes, 0.5).toFixed(0)} B per edit (median of ${sizes.length})`);
  console.log(`compaction: after ${COMPACT_AFTER_RECORDS} records the log became a snapshot (at edit ${compactedAt}); now snapshot ${(after.snapshot / 1024).toFixed(0)} KiB + log ${(after.log / 1024).toFixed(1)} KiB, so the folder stays near one snapshot plus at most ${COMPACT_AFTER_RECORDS} records per device`);
  vault.close();
}

const root = await mkdtemp(join(tmpdir(), 'traykey-bench-sync-'));
try {
  const baseline = process.env.BENCH_BASELINE;
  const codes: Code[] = [...(baseline ? [await codeAt(baseline)] : []), { name: 'this tree', createCore: appCore.createCore, Vault: vaultModule.Vault }];
  for (const accounts of [0, ACCOUNTS]) await latency(root, codes, accounts);
  await growth(root);
} finally {
  await rm(root, { recursive: true, force: true });
}
