// `npm start`: fetch Electron on first run, build, launch. Where Electron cannot be had, say so in one sentence.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

function electronBinary() {
  try {
    return require('electron');
  } catch {
    return undefined;
  }
}

if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  console.log('Checking for the Electron binary (downloaded once, on first run)…');
  // Run Electron's own installer quietly so an offline machine gets our sentence, not a stack trace.
  const fetched = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: ['ignore', 'pipe', 'pipe'] });
  if (fetched.status !== 0) {
    console.error('Traykey cannot start: the Electron binary is not installed and could not be downloaded (no internet access?). Run `npm start` once on a machine that can reach the internet, or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron build.');
    process.exit(1);
  }
}
const electronPath = electronBinary();
if (typeof electronPath !== 'string') {
  console.error('Traykey cannot start: the Electron package is installed but its binary is missing; delete node_modules/electron and run `npm install` again on a machine with internet access.');
  process.exit(1);
}
const built = spawnSync(process.execPath, ['build/scripts/build.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const child = spawn(electronPath, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
