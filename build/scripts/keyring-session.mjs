// Runs a command against a real, private OS keychain: a fresh D-Bus session with an unlocked
// gnome-keyring (Secret Service), so tests and benchmarks never touch the user's own keyring.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const quote = (arg) => `'${String(arg).replaceAll("'", `'\\''`)}'`;

function which(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

/** True when this process already runs inside such a session. */
export const inKeyringSession = () => process.env.TRAYKEY_TEST_KEYRING === '1';

/** Runs `command args…` inside a private keyring session and returns its exit code. */
export function runInKeyringSession(what, command, args) {
  for (const cmd of ['dbus-run-session', 'gnome-keyring-daemon']) {
    if (!which(cmd)) {
      console.error(`${what} needs ${cmd} for the real keychain: run \`bash scripts/setup-debian.sh\`, which installs it.`);
      return 1;
    }
  }
  const keyringHome = mkdtempSync(join(tmpdir(), 'traykey-keyring-'));
  const inner = `echo -n traykey-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec ${[command, ...args].map(quote).join(' ')}`;
  const run = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner], {
    stdio: 'inherit',
    env: { ...process.env, TRAYKEY_TEST_KEYRING: '1', XDG_DATA_HOME: keyringHome, XDG_CONFIG_HOME: keyringHome },
  });
  rmSync(keyringHome, { recursive: true, force: true });
  return run.status ?? 1;
}
