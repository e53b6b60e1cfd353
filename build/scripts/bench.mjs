// `npm run bench:<name>`: builds what the benchmark needs and runs it against a private keychain.
// Benchmarks print figures; they are not pass/fail tests.
import { spawnSync } from 'node:child_process';
import { buildCli, cliIsStale } from './cli-bundle.mjs';
import { inKeyringSession, runInKeyringSession } from './keyring-session.mjs';

const BENCHES = {
  vault: ['test/bench/vault.bench.ts'],
  list: ['test/bench/live-list.bench.ts'],
  core: ['test/bench/vault.bench.ts', 'test/bench/live-list.bench.ts'],
  qr: ['test/bench/qr.bench.ts', 'test/bench/qr-route.bench.ts'],
  admin: ['test/bench/admin.bench.ts'],
  push: ['test/bench/push.bench.ts'],
  sync: ['test/bench/sync.bench.ts', 'test/bench/sync-merge-models.bench.ts'],
  cli: ['test/bench/cli.bench.ts'],
};
const NEEDS_RENDERER = new Set(['list', 'core', 'qr']);

const name = process.argv[2] ?? '';
const files = BENCHES[name];
if (!files) {
  console.error(`Unknown benchmark "${name}": choose one of ${Object.keys(BENCHES).join(', ')}.`);
  process.exit(2);
}
const extra = process.argv.slice(3);
if (!inKeyringSession()) process.exit(runInKeyringSession(`npm run bench:${name}`, process.execPath, [process.argv[1], name, ...extra]));

if (NEEDS_RENDERER.has(name)) {
  const built = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
if (name === 'cli' && cliIsStale()) await buildCli();
for (const file of files) {
  console.log(`\n▶ ${file}`);
  const run = spawnSync('node_modules/.bin/tsx', [file, ...extra], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
