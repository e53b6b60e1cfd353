import { mkdir, open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../vault/atomic-write';

/**
 * The shared folder's layout. Every file has exactly one writer (the device named in it, or the
 * inviting/joining side of one pairing), so sync clients never see two machines change one file.
 */
export const DEVICES_DIR = 'devices';
export const PAIRING_DIR = 'pairing';
const LOG_SUFFIX = '.tksync';
const SNAPSHOT_SUFFIX = '.snapshot.tksync';
const DEVICE_FILE = /^([0-9a-z]{16})(\.snapshot)?\.tksync$/;

export const logPath = (folder: string, device: string): string => join(folder, DEVICES_DIR, `${device}${LOG_SUFFIX}`);
export const snapshotPath = (folder: string, device: string): string => join(folder, DEVICES_DIR, `${device}${SNAPSHOT_SUFFIX}`);

export interface DeviceFiles {
  log?: Buffer;
  snapshot?: Buffer;
}

/** What one look at the folder found: every device's files, by device id, or that the folder is gone. */
export type FolderView = { present: false } | { present: true; devices: Map<string, DeviceFiles> };

const missing = (error: unknown): boolean => ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

async function readIfThere(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if (missing(error)) return undefined;
    throw error;
  }
}

export async function readFolder(folder: string): Promise<FolderView> {
  let names: string[];
  try {
    names = await readdir(join(folder, DEVICES_DIR));
  } catch (error) {
    if (missing(error)) return { present: false };
    throw error;
  }
  const devices = new Map<string, DeviceFiles>();
  for (const name of names) {
    const match = DEVICE_FILE.exec(name);
    if (!match) continue;
    const device = match[1]!;
    const bytes = await readIfThere(join(folder, DEVICES_DIR, name));
    if (!bytes) continue;
    const entry = devices.get(device) ?? {};
    if (match[2]) entry.snapshot = bytes;
    else entry.log = bytes;
    devices.set(device, entry);
  }
  return { present: true, devices };
}

export async function folderExists(folder: string): Promise<boolean> {
  return stat(join(folder, DEVICES_DIR)).then((entry) => entry.isDirectory(), () => false);
}

export async function prepareFolder(folder: string): Promise<void> {
  await mkdir(join(folder, DEVICES_DIR), { recursive: true });
  await mkdir(join(folder, PAIRING_DIR), { recursive: true });
}

/**
 * Appends records to this device's log and waits for them to reach the disk. `keepBytes` first cuts
 * off a half-written record left by a crash, so new records never follow garbage.
 */
export async function appendToLog(path: string, keepBytes: number, records: readonly Buffer[]): Promise<void> {
  const handle = await open(path, 'a+');
  try {
    const { size } = await handle.stat();
    if (size > keepBytes) await handle.truncate(keepBytes);
    let at = keepBytes;
    for (const record of records) {
      await handle.write(record, 0, record.length, at);
      at += record.length;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Replaces a file this device alone writes (its snapshot, its compacted log) in one step. */
export function replaceFile(path: string, bytes: Buffer): Promise<void> {
  return writeFileAtomic(path, bytes, { mode: 0o600 });
}
