// `npm run cli -- ARGS`: the built CLI, rebuilt first when a source file changed since the last build.
// Progress goes to stderr so standard output carries only what the command prints.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { buildCli, cliIsStale, CLI_ENTRY } from './cli-bundle.mjs';

if (cliIsStale()) {
  process.stderr.write('Building the CLI (sources changed)…\n');
  await buildCli();
}
process.argv.splice(1, 1, resolve(CLI_ENTRY));
await import(pathToFileURL(resolve(CLI_ENTRY)).href);
