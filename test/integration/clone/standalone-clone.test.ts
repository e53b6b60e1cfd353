import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { suiteTempHome } from '../../support/temp-home';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const folder = suiteTempHome('clone');
let clone: string;

/** A test reads recorded API facts when it opens test/contracts directly or through one of the two readers. */
const READS_CONTRACTS = /(\.\.\/)+contracts\/|from '\.\/contracts'|from '\.\/contract-files'/;

/** Tracked files of the clone matching a git pathspec, relative to the clone. */
function tracked(pathspec: string): string[] {
  return execFileSync('git', ['ls-files', '-z', '--', pathspec], { cwd: clone, encoding: 'utf8' }).split('\0').filter(Boolean);
}

beforeAll(() => {
  clone = join(folder(), 'traykey');
  execFileSync('git', ['clone', '--quiet', root, clone]);
  symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'), 'dir');
});


describe('a fresh clone with nothing beside it', () => {
  it('passes every test that reads the recorded contracts', () => {
    const tests = tracked('test/*.test.ts').filter((file) => READS_CONTRACTS.test(readFileSync(join(clone, file), 'utf8')));
    expect(tests.length).toBeGreaterThanOrEqual(8);
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
    const run = spawnSync(process.execPath, [join(clone, 'node_modules/vitest/vitest.mjs'), 'run', ...tests], {
      cwd: clone,
      env,
      encoding: 'utf8',
      timeout: 150_000,
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  }, 160_000);

  it('has documents whose relative paths stay inside the project', () => {
    const outside: string[] = [];
    for (const doc of tracked('*.md')) {
      for (const [, path = ''] of readFileSync(join(clone, doc), 'utf8').matchAll(/[`(](\.\.?\/[^`)\s]+)[`)]/g)) {
        if (relative(clone, resolve(clone, dirname(doc), path)).startsWith('..')) outside.push(`${doc}: ${path}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
