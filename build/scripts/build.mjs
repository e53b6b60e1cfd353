// Builds everything offline: the renderer with Vite, the Electron main/preload and the CLI with esbuild.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { buildCli, NODE_EXTERNALS } from './cli-bundle.mjs';

await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, external: NODE_EXTERNALS, logLevel: 'warning' };
await Promise.all([
  esbuild({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs' }),
  esbuild({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs' }),
  buildCli(),
]);
console.log('built dist/renderer, dist/electron, dist/cli');
