// The CLI bundle: one small entry file plus chunks that each command loads when it runs (esbuild code
// splitting), so `traykey --help` does not parse the QR decoder, the admin engine or the push client.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Node modules the bundles load at run time: native code, WebAssembly, and Electron itself. */
export const NODE_EXTERNALS = ['electron', 'keytar', 'zxing-wasm'];
export const CLI_ENTRY = 'dist/cli/traykey.mjs';
const SOURCES = ['electron', 'shared', 'package.json', 'build/scripts/cli-bundle.mjs'];

export const CLI_BUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: NODE_EXTERNALS,
  // A package without an exports map is taken from its ES module build: a CommonJS one that a split
  // chunk loads with import() arrives as a bare `default`, without its named exports (@zxcvbn-ts/core).
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  entryPoints: { traykey: 'electron/cli/main.ts' },
  outdir: 'dist/cli',
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  banner: { js: "import { createRequire as __traykeyRequire } from 'node:module'; const require = __traykeyRequire(import.meta.url);" },
};

export function buildCli() {
  // Chunk names carry a content hash: clear the last build's so they do not pile up.
  rmSync('dist/cli', { recursive: true, force: true });
  return build(CLI_BUILD_OPTIONS);
}

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, name)));
  return newest;
}

/** True when the built CLI is missing or older than any source it is built from. */
export function cliIsStale() {
  let built;
  try {
    built = statSync(CLI_ENTRY).mtimeMs;
  } catch {
    return true;
  }
  return SOURCES.some((source) => newestChange(source) > built);
}
