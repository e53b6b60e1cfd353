/**
 * The vault at 10,000 accounts: open (read + decrypt + parse) and save (update(): lock, reload check,
 * copy, serialize, encrypt, atomic write with fsync), printing median and p95 in ms.
 * Targets: open < 100 ms (keychain mode, KDF-free), save < 50 ms. Passphrase mode's open is reported
 * separately since it includes scrypt by design.
 * The KDF alone is timed at the vault's cost and at the previous one (N=2^16), side by side, since it is
 * what a passphrase unlock waits for.
 * Run: `npm run bench:vault` (inside the keychain session to use the real keychain; otherwise an
 * in-memory key store stands in and the output says so).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyStore } from '../../electron/core/keychain/key-store';
import { KEYCHAIN_SERVICE } from '../../electron/core/keychain/key-store';
import { createKeytarStore } from '../../electron/core/keychain/keytar-store';
import { PASSPHRASE_SCRYPT as DEFAULT_SCRYPT } from '../../electron/core/crypto/passphrase-kdf';
import { deriveVaultKey } from '../../electron/core/vault/vault-key';
import { keychainAccount } from '../../electron/core/vault/vault-key';
import { Vault, VAULT_FILE, type KeySource } from '../../electron/core/vault/vault';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ISSUERS = ['Okta', 'GitHub', 'Google', 'AWS', 'Microsoft', 'Auth0', 'Slack', 'Dropbox', 'Atlassian', 'Cloudflare'];

function account(i: number) {
  const secret = Array.from(randomBytes(32), (b) => BASE32[b % 32]).join('');
  const issuer = ISSUERS[i % ISSUERS.length] ?? 'Example';
  return {
    id: randomUUID(),
    issuer,
    label: `test.user${i}@example-corp.com`,
    secret,
    type: i % 50 === 0 ? 'hotp' : 'totp',
    algorithm: i % 7 === 0 ? 'SHA256' : 'SHA1',
    digits: 6,
    period: 30,
    ...(i % 50 === 0 ? { counter: i } : {}),
    tags: i % 3 === 0 ? ['work', 'admin'] : ['work'],
    createdAt: 1_790_000_000_000 + i * 1000,
    updatedAt: 1_790_000_000_000 + i * 1000,
    source: { kind: 'okta', org: 'https://example-corp.okta.com', userId: `00u${randomBytes(8).toString('hex')}`, factorId: `uft${randomBytes(8).toString('hex')}` },
  };
}

interface Sample {
  wallMs: number;
  cpuMs: number;
}

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;

/** Wall time is what a user waits; CPU time (all threads) shows the cost apart from a busy machine's queueing. */
function stats(samples: Sample[]): string {
  const wall = samples.map((s) => s.wallMs);
  const cpu = samples.map((s) => s.cpuMs);
  return `median ${quantile(wall, 0.5).toFixed(1)} ms, p95 ${quantile(wall, 0.95).toFixed(1)} ms (CPU median ${quantile(cpu, 0.5).toFixed(1)} ms, n=${samples.length})`;
}

async function time(run: () => Promise<unknown>): Promise<Sample> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

class MemoryKeyStore implements KeyStore {
  private readonly entries = new Map<string, string>();
  async get(service: string, account: string) {
    return this.entries.get(`${service}/${account}`) ?? null;
  }
  async set(service: string, account: string, secret: string) {
    this.entries.set(`${service}/${account}`, secret);
  }
  async delete(service: string, account: string) {
    return this.entries.delete(`${service}/${account}`);
  }
}

async function keyStore(): Promise<{ store: KeyStore; real: boolean }> {
  const real = createKeytarStore({ timeoutMs: 5_000 });
  try {
    await real.get(KEYCHAIN_SERVICE, 'bench-probe');
    return { store: real, real: true };
  } catch {
    return { store: new MemoryKeyStore(), real: false };
  }
}

async function bench(label: string, keySource: KeySource, openRuns: number): Promise<void> {
  const home = join(mkdtempSync(join(tmpdir(), 'traykey-bench-')), 'Traykey');
  try {
    const vault = await Vault.open({ home, keySource });
    const accounts = Array.from({ length: ACCOUNTS }, (_, i) => account(i));
    await vault.update((doc) => void (doc.accounts = accounts));
    console.log(`${label}: ${ACCOUNTS} accounts, file ${(statSync(join(home, VAULT_FILE)).size / 1024 / 1024).toFixed(2)} MiB`);
    const opens: Sample[] = [];
    for (let i = 0; i < openRuns; i++) opens.push(await time(() => Vault.open({ home, keySource })));
    console.log(`  open+decrypt  ${stats(opens)}`);
    const saves: Sample[] = [];
    for (let i = 0; i < RUNS; i++) {
      saves.push(await time(() => vault.update((doc) => {
        const list = doc.accounts as Array<{ label: string; updatedAt: number }>;
        const target = list[i % list.length];
        if (target) Object.assign(target, { label: `renamed-${i}@example-corp.com`, updatedAt: Date.now() });
      })));
    }
    console.log(`  save (update) ${stats(saves)}`);
    if (keySource.kind === 'keychain') {
      const header = readFileSync(join(home, VAULT_FILE));
      await keySource.store.delete(KEYCHAIN_SERVICE, keychainAccount(header.subarray(36, 52)));
    }
    vault.close();
  } finally {
    rmSync(join(home, '..'), { recursive: true, force: true });
  }
}

console.log(`load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} on ${cpus().length} cores`);
const { store, real } = await keyStore();
await bench(`keychain mode (${real ? 'real OS keychain' : 'in-memory key store: no keychain reachable'})`, { kind: 'keychain', store }, RUNS);
await bench(`passphrase mode (scrypt N=2^${Math.log2(DEFAULT_SCRYPT.N)}, r=${DEFAULT_SCRYPT.r}, p=${DEFAULT_SCRYPT.p}, open includes the KDF)`, { kind: 'passphrase', passphrase: 'bench passphrase' }, 10);

async function kdf(log2N: number, label: string): Promise<void> {
  const samples: Sample[] = [];
  for (let i = 0; i < 5; i++) samples.push(await time(() => deriveVaultKey('bench passphrase', randomBytes(16), { ...DEFAULT_SCRYPT, N: 2 ** log2N })));
  console.log(`  scrypt N=2^${log2N}, r=${DEFAULT_SCRYPT.r}, p=${DEFAULT_SCRYPT.p} (${label}, ${(128 * 2 ** log2N * DEFAULT_SCRYPT.r) / 2 ** 20} MiB) ${stats(samples)}`);
}

console.log('KDF (passphrase unlock):');
await kdf(16, 'previous cost');
await kdf(Math.log2(DEFAULT_SCRYPT.N), 'the vault’s cost');
