import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { beforeAll, describe, expect, it } from 'vitest';
import { Vault, VAULT_FILE, type KeySource } from '../../electron/core/vault/vault';
import { bundleChild, startChild } from '../integration/vault/fixtures/run-child';
import { suiteTempHome } from '../support/temp-home';

const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };
const keySource: KeySource = { kind: 'passphrase', passphrase: 'crash-test' };
const root = suiteTempHome('crash');
let childBundle = '';
beforeAll(async () => {
  childBundle = await bundleChild(root());
});

const MIN_SAVES = 200;
const MIN_KILLS = 15;
const TIME_BUDGET_MS = 32_000;

/** The seq in the vault file (and whether its backup opens too), read as a fresh process would. */
async function seqOnDisk(home: string): Promise<{ seq: number; backupSeq: number | undefined }> {
  const seq = ((await Vault.open({ home, keySource })).read().seq as number | undefined) ?? 0;
  const backupHome = join(root(), `backup-${Date.now()}-${Math.random()}`);
  mkdirSync(backupHome);
  try {
    copyFileSync(join(home, `${VAULT_FILE}.bak`), join(backupHome, VAULT_FILE));
    return { seq, backupSeq: ((await Vault.open({ home: backupHome, keySource })).read().seq as number | undefined) ?? 0 };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { seq, backupSeq: undefined };
    throw error;
  }
}

/**
 * Runs one child that saves seq+1, seq+2, … and SIGKILLs it at a random moment: after a random number of
 * completed saves (so the total does not depend on how busy the machine is) plus a random fraction of a save.
 */
async function runAndKill(home: string): Promise<{ lastSaved: number; lastSaving: number }> {
  const child = startChild(['save-loop', home], { ...process.env, TRAYKEY_PASSPHRASE: keySource.kind === 'passphrase' ? keySource.passphrase : '' }, childBundle);
  const savesBeforeKill = Math.floor(Math.random() * 20);
  let savedHere = 0;
  let lastSaved = -1;
  let lastSaving = -1;
  let stderr = '';
  let buffered = '';
  let onEnoughSaves: () => void = () => undefined;
  const enough = new Promise<void>((resolve) => (onEnoughSaves = resolve));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const [word, n] = line.split(' ');
      if (word === 'saving') lastSaving = Number(n);
      if (word === 'saved') {
        lastSaved = Number(n);
        savedHere += 1;
      }
      if (savedHere >= savesBeforeKill) onEnoughSaves();
    }
  });
  const exited = once(child, 'close');
  await Promise.race([enough, exited]);
  if (child.exitCode !== null) throw new Error(`the writer exited on its own (${child.exitCode}): ${stderr}`);
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 25));
  child.kill('SIGKILL');
  await exited;
  return { lastSaved, lastSaving };
}

describe('the vault under SIGKILL at random moments', () => {
  it(`always opens with the old or the new content, over at least ${MIN_SAVES} saves and ${MIN_KILLS} kills`, async () => {
    const home = join(root(), 'Traykey');
    await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
    const started = Date.now();
    let seq = 0;
    let saves = 0;
    let kills = 0;
    let midWrite = 0;
    while ((saves < MIN_SAVES || kills < MIN_KILLS) && Date.now() - started < TIME_BUDGET_MS) {
      const before = seq;
      const { lastSaved, lastSaving } = await runAndKill(home);
      kills += 1;
      if (readdirSync(home).some((name) => name.startsWith('.'))) midWrite += 1;
      const { seq: after, backupSeq } = await seqOnDisk(home);
      // The last confirmed save, or the one in flight when the kill landed: never anything else, never unreadable.
      const allowed = lastSaving < 0 ? [before] : [Math.max(before, lastSaved), lastSaving];
      expect(allowed, `kill ${kills}: saved ${lastSaved}, saving ${lastSaving}, on disk ${after}`).toContain(after);
      if (backupSeq !== undefined) expect(backupSeq).toBeLessThanOrEqual(after);
      saves += Math.max(0, after - before);
      seq = after;
      // Opening removed what the killed writer left half-done.
      expect(readdirSync(home).filter((name) => name.startsWith('.'))).toEqual([]);
    }
    console.log(`vault crash test: ${kills} kills (${midWrite} mid-write) over ${saves} saves in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(saves).toBeGreaterThanOrEqual(MIN_SAVES);
    expect(kills).toBeGreaterThanOrEqual(MIN_KILLS);
  }, 60_000);
});
