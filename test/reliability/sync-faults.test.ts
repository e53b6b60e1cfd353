import { spawn } from 'node:child_process';
import { readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { logPath } from '../../electron/core/sync/folder/sync-folder';
import { syncWorld, totp, type Machine } from '../integration/sync/sync-fixture';

/*
 * What real folders do to sync files: half-synced files, damage, strangers, old copies, a folder that
 * goes away, a process killed while appending. Each is reported, loses nothing, and merges nothing
 * it should not.
 */
let world: Awaited<ReturnType<typeof syncWorld>> | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const idOf = (machine: Machine) => machine.sync.devices().find((device) => device.thisDevice)!.id;

async function pairedTwo() {
  world = await syncWorld();
  const [a, b] = [await world.machine('laptop'), await world.machine('desktop')];
  await a.sync.setup(world.folder);
  await world.pair(a, b);
  await world.settle();
  return { world, a, b };
}

/** A adds one account and writes it to its log; returns A's log as it now is. */
async function addAndWrite(a: Machine, label: string, secret: string): Promise<Buffer> {
  await a.accounts.addUri(totp('ACME', label, secret));
  await a.sync.syncNow();
  return readFile(logPath(world!.folder, idOf(a)));
}

describe('sync faults', () => {
  it('a log cut mid-record is merged up to the cut and the rest waits until it arrives', async () => {
    const { a, b } = await pairedTwo();
    await addAndWrite(a, 'first', 'JBSWY3DPEHPK3PXP');
    const full = await addAndWrite(a, 'second', 'MFRGGZDFMZTWQ2LK');
    await writeFile(logPath(world!.folder, idOf(a)), full.subarray(0, full.length - 20));
    await b.sync.syncNow();
    expect(b.names()).toEqual(['ACME:first']);
    const status = await b.sync.status();
    expect(status.health).toBe('waiting');
    expect(status.sentence).toMatch(/waiting for “laptop”.*still being written/);
    await writeFile(logPath(world!.folder, idOf(a)), full);
    await b.sync.syncNow();
    expect(b.names()).toEqual(['ACME:first', 'ACME:second']);
  });

  it('a record with one flipped byte is refused and reported; the records before it are merged', async () => {
    const { a, b } = await pairedTwo();
    const before = await addAndWrite(a, 'first', 'JBSWY3DPEHPK3PXP');
    const full = await addAndWrite(a, 'second', 'MFRGGZDFMZTWQ2LK');
    const damaged = Buffer.from(full);
    const at = before.length + Math.floor((full.length - before.length) / 2);
    damaged[at] = damaged[at]! ^ 0x01;
    await writeFile(logPath(world!.folder, idOf(a)), damaged);
    const report = await b.sync.syncNow();
    expect(report.problems.map((problem) => problem.code)).toEqual(['TAMPERED']);
    expect(b.names()).toEqual(['ACME:first']);
    expect((await b.sync.status()).sentence).toMatch(/^problem: Record \d+ of “laptop”.*(signature|integrity) check/);
  });

  it('files from a device outside the group are reported and not read; a record replayed into another device’s log is refused', async () => {
    const { a, b } = await pairedTwo();
    const aLog = await addAndWrite(a, 'first', 'JBSWY3DPEHPK3PXP');
    // A stranger's copy of a real record, under a device id nobody added.
    await writeFile(join(world!.folder, 'devices', '0123456789abcdef.tksync'), aLog);
    // B's log replaced by A's records, as if someone copied them across.
    await writeFile(logPath(world!.folder, idOf(b)), aLog);
    const c = await world!.machine('third');
    await world!.pair(a, c);
    const report = await c.sync.syncNow();
    const codes = report.problems.map((problem) => problem.code).sort();
    expect(codes).toEqual(['REPLAYED', 'UNKNOWN_DEVICE']);
    expect(c.names()).toEqual(['ACME:first']);
    // B notices its own log no longer holds its records and rewrites it; the replay problem goes away.
    await b.sync.syncNow();
    expect((await c.sync.syncNow()).problems.map((problem) => problem.code)).toEqual(['UNKNOWN_DEVICE']);
  });

  it('an old copy of a log restored over the newer one is reported, changes nothing, and heals when its device syncs', async () => {
    const { a, b } = await pairedTwo();
    const old = await addAndWrite(a, 'first', 'JBSWY3DPEHPK3PXP');
    await addAndWrite(a, 'second', 'MFRGGZDFMZTWQ2LK');
    await b.sync.syncNow();
    await writeFile(logPath(world!.folder, idOf(a)), old);
    const report = await b.sync.syncNow();
    expect(report.problems.map((problem) => problem.code)).toEqual(['ROLLED_BACK']);
    expect(b.names()).toEqual(['ACME:first', 'ACME:second']);
    const repaired = await a.sync.syncNow();
    expect(repaired.compacted).toBe(true);
    await addAndWrite(a, 'third', 'KRSXG5CTMVRXEZLU');
    const healed = await b.sync.syncNow();
    expect(healed.problems).toEqual([]);
    expect(b.names()).toEqual(['ACME:first', 'ACME:second', 'ACME:third']);
  });

  it('a record of this device’s own log altered after an earlier round checked it is noticed, and the log is rewritten', async () => {
    const { a, b } = await pairedTwo();
    await addAndWrite(a, 'first', 'JBSWY3DPEHPK3PXP');
    const log = await addAndWrite(a, 'second', 'MFRGGZDFMZTWQ2LK');
    await a.sync.syncNow();
    await b.sync.syncNow();
    // Rounds check only what was appended since the last look; a change inside what they checked before must still count.
    const altered = Buffer.from(log);
    altered.writeUInt8(altered.readUInt8(altered.length - 80) ^ 0x01, altered.length - 80);
    await writeFile(logPath(world!.folder, idOf(a)), altered);
    const repaired = await a.sync.syncNow();
    expect(repaired.compacted).toBe(true);
    await addAndWrite(a, 'third', 'KRSXG5CTMVRXEZLU');
    const healed = await b.sync.syncNow();
    expect(healed.problems).toEqual([]);
    expect(b.names()).toEqual(['ACME:first', 'ACME:second', 'ACME:third']);
  });

  it('a sync folder that disappears keeps every change here and catches up when it is back', async () => {
    const { a, b } = await pairedTwo();
    const away = `${world!.folder}-unplugged`;
    await rename(world!.folder, away);
    await a.accounts.addUri(totp('ACME', 'offline', 'JBSWY3DPEHPK3PXP'));
    const report = await a.sync.syncNow();
    expect(report.problems.map((problem) => problem.code)).toEqual(['FOLDER_MISSING']);
    expect(report.pending).toBe(1);
    expect(a.names()).toEqual(['ACME:offline']);
    expect((await a.sync.status()).sentence).toMatch(/^problem: The sync folder .* is missing/);
    await rename(away, world!.folder);
    expect((await a.sync.syncNow()).wrote).toBe(1);
    await b.sync.syncNow();
    expect(b.names()).toEqual(['ACME:offline']);
  });

  it('the half record a crash leaves at the end of this device’s own log is cut before the next append', async () => {
    const { a, b } = await pairedTwo();
    const before = await addAndWrite(a, 'first', 'JBSWY3DPEHPK3PXP');
    const full = await addAndWrite(a, 'second', 'MFRGGZDFMZTWQ2LK');
    // As if the append of 'second' died half-way: its record half on disk, the vault not yet told.
    await writeFile(logPath(world!.folder, idOf(a)), Buffer.concat([full, before.subarray(0, 30)]));
    await addAndWrite(a, 'third', 'KRSXG5CTMVRXEZLU');
    const report = await b.sync.syncNow();
    expect(report.problems).toEqual([]);
    expect(b.names()).toEqual(['ACME:first', 'ACME:second', 'ACME:third']);
  });

  it('a process killed (SIGKILL) while appending loses nothing and leaves no garbage for others', async () => {
    const { a, b } = await pairedTwo();
    for (let attempt = 0; attempt < 3; attempt++) {
      // node itself (tsx as a loader, not its wrapper process), so the SIGKILL hits the process that writes.
      const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'fixtures/sync-appender.ts')], { env: { ...process.env, TRAYKEY_HOME: a.home }, stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((ready, fail) => {
        child.stdout.once('data', () => ready());
        child.once('exit', (code) => fail(new Error(`the appender stopped by itself (${code})`)));
      });
      await new Promise((wait) => setTimeout(wait, 150 + attempt * 170));
      child.kill('SIGKILL');
      await new Promise((exit) => child.once('exit', exit));
    }
    await a.vault.refreshIfChanged();
    const added = a.names().length;
    expect(added).toBeGreaterThan(2);
    expect((await a.sync.syncNow()).problems).toEqual([]);
    const report = await b.sync.syncNow();
    expect(report.problems).toEqual([]);
    expect(b.names()).toEqual(a.names());
    expect((await b.sync.status()).sentence).toBe('up to date');
    expect((await readdir(join(world!.folder, 'devices'))).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 120_000);
});
