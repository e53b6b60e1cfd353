#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/traykey.mjs', import.meta.url));
if (!existsSync(built)) {
  console.error('traykey is not built yet: run `npm run build` in the Traykey folder (or use `npm run cli -- …`).');
  process.exit(1);
}
await import(pathToFileURL(built).href);
