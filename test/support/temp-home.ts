import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, onTestFinished } from 'vitest';

/**
 * A fresh, empty folder for the running test (call it in the test or in beforeEach), removed with
 * everything in it when that test finishes, passed or failed. `name` only shows in the folder's name.
 */
export async function tempHome(name = 'home'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `traykey-${name}-`));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** tempHome for code that cannot wait, such as a synchronous fixture. */
export function tempHomeSync(name = 'home'): string {
  const dir = mkdtempSync(join(tmpdir(), `traykey-${name}-`));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * One folder for every test of the surrounding describe block (call it while the block is declared):
 * made before its first test, removed after its last. Returns a getter, since the folder exists only
 * once the block runs.
 */
export function suiteTempHome(name = 'home'): () => string {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), `traykey-${name}-`));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (!dir) throw new Error('suiteTempHome: the folder exists only while the describe block runs.');
    return dir;
  };
}
