/**
 * An earlier commit's code beside this tree, so a benchmark can measure before and after in one run,
 * under the same machine load: `git archive REF electron shared` unpacked into .tmp/bench-baseline/<sha>/
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

export function baselineTree(ref: string): BaselineTree {
  const sha = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: REPO, encoding: 'utf8' }).trim();
  const root = join(REPO, '.tmp', 'bench-baseline', sha);
  if (!existsSync(join(root, 'electron'))) {
    mkdirSync(root, { recursive: true });
    execFileSync('sh', ['-c', `git archive "${sha}" electron shared | tar -x -C "${root}"`], { cwd: REPO });
  }
  return { commit: sha.slice(0, 7), at: (path) => join(root, path) };
}
