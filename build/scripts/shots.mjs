// `npm run shots [-- FOLDER]`: every screenshot view (light, dark, 200%) written to FOLDER (default
// shots/) plus contact-sheet.png, all views on one page, for a person to look at. The pictures are the
// ones the screenshot spec compares with its baselines; a view that differs is still written and named.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInKeyringSession } from './keyring-session.mjs';
import { writeContactSheet } from './contact-sheet.mjs';

const folder = resolve(process.argv[2] ?? 'shots');
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });

const build = spawnSync(process.execPath, ['build/scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

process.env.TRAYKEY_SHOTS_DIR = folder;
const status = runInKeyringSession('npm run shots', 'npx', ['playwright', 'test', 'test/e2e/screens.spec.ts', '--reporter=line']);
const views = readdirSync(folder).filter((name) => name.endsWith('.png'));
if (views.length === 0) {
  console.error('No views were written; see the test output above.');
  process.exit(status || 1);
}
const sheet = await writeContactSheet(folder);
console.log(`${views.length} views and ${sheet} in ${folder}`);
if (status !== 0) console.log('Some views differ from their baselines (or failed): the test output above names them.');
process.exit(status);
