/**
 * An earlier commit's code beside this tree, so a benchmark can measure before and after in one run,
 * under the same machine load: `git archive REF <paths>` unpacked into .tmp/bench-baseline/<sha>/
 * (inside the repository, so its imports resolve to the same node_modules).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../..');

export interface BaselineTree {
  /** The commit, abbreviated, for printing. */
  commit: string;
  /** Absolute path of a file of that commit, e.g. at('electron/core/app-core.ts'). */
  at(path: string): string;
}

export function baselineTree(ref: string, paths: readonly string[] = ['electron', 'shared']): BaselineTree {
  const sha = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: REPO, encoding: 'utf8' }).trim();
  const root = join(REPO, '.tmp', 'bench-baseline', sha);
  const missing = paths.filter((path) => !existsSync(join(root, path)));
  if (missing.length > 0) {
    mkdirSync(root, { recursive: true });
    execFileSync('sh', ['-c', `git archive "${sha}" ${missing.map((path) => `"${path}"`).join(' ')} | tar -x -C "${root}"`], { cwd: REPO });
  }
  return { commit: sha.slice(0, 7), at: (path) => join(root, path) };
}

/** That commit's popup renderer, built with its own Vite config; returns the folder to serve. */
export async function baselineRenderer(ref: string): Promise<{ commit: string; dir: string }> {
  const tree = baselineTree(ref, ['renderer', 'shared', 'vite.config.ts']);
  const dir = tree.at('dist/renderer');
  if (!existsSync(join(dir, 'index.html'))) {
    const { build } = await import('vite');
    await build({ configFile: tree.at('vite.config.ts'), root: tree.at('renderer'), logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
  }
  return { commit: tree.commit, dir };
}
