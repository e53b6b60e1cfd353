// Runs one command against a private, unlocked keychain, as `npm test` does, so a single suite can be run
// alone: `node build/scripts/with-keyring.mjs npx vitest run test/integration/vault`.
import { spawnSync } from 'node:child_process';
import { inKeyringSession, runInKeyringSession } from './keyring-session.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node build/scripts/with-keyring.mjs COMMAND [ARGS…]');
  process.exit(2);
}
if (inKeyringSession()) process.exit(spawnSync(command, args, { stdio: 'inherit' }).status ?? 1);
process.exit(runInKeyringSession(command, command, args));
