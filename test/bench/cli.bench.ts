/**
 * Start-up of the `traykey` command as a user runs it (node bin/traykey.mjs, the built CLI), beside
 * `oathtool` (the C tool people compare it with) and Node's own start-up, in the same run. Each row is
 * the median wall time of one process from spawn to exit.
 * Targets: `--help` ≤ 80 ms, `code NAME` ≤ 120 ms with the keychain vault. The passphrase vault's
 * `code` includes the scrypt KDF by design and is reported for comparison.
 * Run: `npm run bench:cli` (builds the CLI when its sources changed; runs in a private keychain).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const TRAYKEY = fileURLToPath(new URL('../../bin/traykey.mjs', import.meta.url));
const SECRET = 'JBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/ACME:alice?secret=${SECRET}&issuer=ACME`;

interface Row {
  label: string;
  target?: number;
  command: string;
  args: string[];
  env?: Record<string, string>;
  runs?: number;
}

function run(command: string, args: string[], env: Record<string, string> = {}): { ms: number; stdout: string } {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Prints the row's median; `node` is Node's own start-up median, shown so a loaded machine can be read. */
function measure(row: Row, node?: number): number {
  const runs = row.runs ?? RUNS;
  run(row.command, row.args, row.env);
  const times = Array.from({ length: runs }, () => run(row.command, row.args, row.env).ms);
  const mid = median(times);
  const beyond = node === undefined ? ''.padEnd(22) : `${(mid - node).toFixed(1).padStart(7)} ms beyond Node`;
  const verdict = row.target === undefined ? '' : `  target ≤ ${row.target} ms: ${mid <= row.target ? 'met' : 'NOT met'}`;
  console.log(`${row.label.padEnd(44)} median ${mid.toFixed(1).padStart(7)} ms  ${beyond}  (${runs} runs)${verdict}`);
  return mid;
}

function oathtool(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v oathtool'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

const folder = mkdtempSync(join(tmpdir(), 'traykey-bench-cli-'));
try {
  const keychainHome = { TRAYKEY_HOME: join(folder, 'keychain'), TRAYKEY_PASSPHRASE: '' };
  const passphraseHome = { TRAYKEY_HOME: join(folder, 'passphrase'), TRAYKEY_PASSPHRASE: 'correct horse battery staple' };
  run(process.execPath, [TRAYKEY, 'add', URI], keychainHome);
  run(process.execPath, [TRAYKEY, 'add', URI], passphraseHome);

  console.log(`load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} on ${cpus().length} cores; medians of wall time per process`);
  const tool = oathtool();
  const node = measure({ label: 'node -e 0 (Node start-up alone)', command: process.execPath, args: ['-e', '0'] });
  const rows: Row[] = [
    ...(tool ? [{ label: 'oathtool --totp -b SECRET', command: tool, args: ['--totp', '-b', SECRET] }] : []),
    { label: 'traykey --help', target: 80, command: process.execPath, args: [TRAYKEY, '--help'] },
    { label: 'traykey code alice (keychain vault)', target: 120, command: process.execPath, args: [TRAYKEY, 'code', 'alice'], env: keychainHome },
    { label: 'traykey code alice (passphrase vault, KDF)', command: process.execPath, args: [TRAYKEY, 'code', 'alice'], env: passphraseHome, runs: Math.min(RUNS, 7) },
  ];
  if (!tool) console.log('oathtool is not installed, so its row is left out (Debian: apt-get install oathtool).');
  for (const row of rows) measure(row, node);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
