// `npm test`: lint, type-check, unit/integration/reliability tests (vitest), build, then the Playwright
// suite in Debian's Chromium. Tests use the real OS keychain: when no Secret Service session is running,
// this script starts a private D-Bus session with an unlocked gnome-keyring and runs itself inside it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inKeyringSession, runInKeyringSession } from './keyring-session.mjs';

const args = new Set(process.argv.slice(2));
const skipE2e = args.has('--no-e2e');

if (!inKeyringSession()) process.exit(runInKeyringSession('npm test', process.execPath, [process.argv[1], ...args]));

const results = [];
function step(name, command, commandArgs, count) {
  console.log(`\n▶ ${name}`);
  const run = spawnSync(command, commandArgs, { stdio: 'inherit', env: process.env });
  const ok = run.status === 0;
  const counted = count ? count(ok) : { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
  results.push({ name, ok, ...counted });
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const npx = (bin) => join('node_modules', '.bin', bin);
rmSync('test-results', { recursive: true, force: true });

step('lint', npx('eslint'), ['--max-warnings', '0', '.']);
step('type-check', 'npm', ['run', '--silent', 'typecheck']);
step('vitest', npx('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'], (ok) => {
  const report = readJson('test-results/vitest.json');
  if (!report) return { passed: 0, failed: 1 };
  return { passed: report.numPassedTests, failed: report.numFailedTests + (ok || report.numFailedTests ? 0 : 1) };
});
if (!skipE2e) {
  const built = step('build', 'npm', ['run', '--silent', 'build']);
  if (built && existsSync('/usr/bin/chromium')) {
    step('playwright', npx('playwright'), ['test'], (ok) => {
      const report = readJson('test-results/e2e.json');
      if (!report) return { passed: 0, failed: 1 };
      const { expected = 0, unexpected = 0, flaky = 0 } = report.stats ?? {};
      return { passed: expected + flaky, failed: unexpected + (ok || unexpected ? 0 : 1) };
    });
  } else if (built) {
    console.error('Playwright suite not run: /usr/bin/chromium is missing (bash scripts/setup-debian.sh installs it).');
    results.push({ name: 'playwright', ok: false, passed: 0, failed: 1 });
  }
}

console.log('\nSummary');
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
