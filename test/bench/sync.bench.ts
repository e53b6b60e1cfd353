/**
 * Sync figures (run: `npm run bench:sync`, which also runs sync-merge-models.bench.ts):
 *   - latency: an edit saved on app A until app B shows it, through a shared local folder with the real
 *     watchers (A's round and write, B's chokidar event, the 100 ms debounce, B's round and vault save);
 *     a real sync client's own delay comes on top. Target p95 ≤ 500 ms.
 *   - log growth: bytes a rename adds to a device's log, and what compaction leaves (snapshot + log)
 *     for 500 accounts after more than COMPACT_AFTER_RECORDS rounds with edits.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core/app-core';
import { COMPACT_AFTER_RECORDS } from '../../electron/core/sync/engine/sync-engine';
import { SyncService } from '../../electron/core/sync/sync-service';
import { AccountsService } from '../../electron/core/accounts/accounts-service';
import { Vault } from '../../electron/core/vault/vault';

const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };
const SAMPLES = Number(process.env.BENCH_RUNS ?? 30);
const ACCOUNTS = 500;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;
const secret = (index: number) => Array.from({ length: 32 }, (_, at) => BASE32[(index * 31 + at * 7 + (index >> 3)) % 32]).join('');

async function openVault(home: string) {
  return Vault.open({ home, keySource: { kind: 'passphrase', passphrase: 'pw' }, unsafeTestScrypt: TEST_SCRYPT });
}

async function latency(root: string): Promise<void> {
  const folder = join(root, 'Shared');
  const cores: Core[] = [];
  for (const name of ['a', 'b']) cores.push(createCore({ vault: await openVault(join(root, name)), home: join(root, name), watchVault: false }));
  const [a, b] = cores as [Core, Core];
  await a.handlers['sync:setup']({ folder });
  const offer = await a.handlers['sync:pair']({});
  await b.handlers['sync:join']({ folder, words: offer.words.join(' ') });
  const account = await a.handlers['accounts:addUri']({ uri: `otpauth://totp/Bench:user?secret=${secret(1)}&issuer=Bench` });
  const visible = (label: string) =>
    new Promise<void>((resolve) => {
      const check = async () => {
        const list = await b.handlers['accounts:list']({});
        if (list.some((entry) => entry.label === label)) {
          off();
          resolve();
        }
      };
      const off = b.events.on('accounts:changed', () => void check());
      void check();
    });
  await visible('user');
  const samples: number[] = [];
  for (let run = 0; run < SAMPLES; run++) {
    const label = `renamed-${run}`;
    const seen = visible(label);
    const startedAt = performance.now();
    await a.handlers['accounts:rename']({ id: account.id, issuer: 'Bench', label });
    await seen;
    samples.push(performance.now() - startedAt);
  }
  console.log(`edit on A → visible on B (local folder, real watchers): p50 ${quantile(samples, 0.5).toFixed(0)} ms, p95 ${quantile(samples, 0.95).toFixed(0)} ms, max ${Math.max(...samples).toFixed(0)} ms (n=${samples.length}; target p95 ≤ 500 ms)`);
  for (const core of cores) core.close();
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
  const vault = await openVault(home);
  const accounts = new AccountsService(vault, { now: Date.now });
  await vault.update((doc) => {
    doc.accounts = Array.from({ length: ACCOUNTS }, (_, index) => ({ id: `account-${index}`, issuer: 'Example', label: `user${index}@example-corp.com`, type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, secret: secret(index), tags: ['work'], createdAt: 1_790_000_000_000 + index }));
  });
  const sync = new SyncService({ vault, home, now: Date.now });
  await sync.setup(folder);
  const afterSetup = await folderBytes(folder);
  const sizes: number[] = [];
  let compactedAt = -1;
  let before = afterSetup.log;
  for (let edit = 0; edit < COMPACT_AFTER_RECORDS + 20; edit++) {
    await accounts.rename(`account-${edit % ACCOUNTS}`, 'Example', `renamed-${edit}@example-corp.com`);
    await sync.recordEdits();
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
  await latency(root);
  await growth(root);
} finally {
  await rm(root, { recursive: true, force: true });
}
