import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { processAlive } from './process-alive';

/** The file-system calls an atomic write makes; tests replace `open` to inject a failing disk. */
export interface AtomicWriteFs {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  link: typeof fsp.link;
  unlink: typeof fsp.unlink;
  copyFile: typeof fsp.copyFile;
}

export interface AtomicWriteOptions {
  /** Permission bits of a newly created file. */
  mode?: number;
  /** Before replacing the file, keep its current contents here (replaced atomically too). */
  backupPath?: string;
  fs?: AtomicWriteFs;
}

const realFs: AtomicWriteFs = { open: fsp.open, rename: fsp.rename, link: fsp.link, unlink: fsp.unlink, copyFile: fsp.copyFile };

const tempName = (path: string, tag: string): string => join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.${tag}`);

async function removeQuietly(fs: AtomicWriteFs, path: string): Promise<void> {
  await fs.unlink(path).catch(() => undefined);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Removes temporary files that writers of these paths left when they died mid-save (their pid is gone). */
export async function removeLeftoverTemps(paths: string[]): Promise<void> {
  const folder = dirname(paths[0] ?? '.');
  const patterns = paths.map((path) => new RegExp(`^\\.${escapeRegExp(basename(path))}\\.(\\d+)\\.[0-9a-f]{8}\\.(tmp|bak)$`));
  const names = await fsp.readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const pid = patterns.map((pattern) => pattern.exec(name)?.[1]).find((match) => match !== undefined);
    if (pid !== undefined && !processAlive(Number(pid))) await fsp.unlink(join(folder, name)).catch(() => undefined);
  }
}

/** Makes a directory entry durable; Windows cannot open directories and commits renames itself. */
export async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fsp.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Points backupPath at the current contents of path, or does nothing when path does not exist yet. */
async function keepBackup(fs: AtomicWriteFs, path: string, backupPath: string, mode: number): Promise<void> {
  const temp = tempName(backupPath, 'bak');
  try {
    // A hard link shares the current file's blocks, so the backup costs no copy and no extra fsync.
    await fs.link(path, temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'EMLINK' && code !== 'ENOSYS') throw error;
    await fs.copyFile(path, temp);
    await fsp.chmod(temp, mode);
    const handle = await fs.open(temp, 'r+');
    await handle.sync().finally(() => handle.close());
  }
  try {
    await fs.rename(temp, backupPath);
  } catch (error) {
    await removeQuietly(fs, temp);
    throw error;
  }
}

/**
 * Replaces path with data so that a crash at any moment leaves either the old or the new file: write a
 * temporary file in the same folder, fsync it, rename it over the target, fsync the folder.
 * On failure the temporary file is removed and the target is untouched.
 */
export async function writeFileAtomic(path: string, data: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? realFs;
  const mode = options.mode ?? 0o600;
  const temp = tempName(path, 'tmp');
  try {
    const handle = await fs.open(temp, 'wx', mode);
    try {
      let offset = 0;
      while (offset < data.length) {
        const { bytesWritten } = await handle.write(data, offset, data.length - offset);
        offset += bytesWritten;
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.backupPath) await keepBackup(fs, path, options.backupPath, mode);
    await fs.rename(temp, path);
  } catch (error) {
    await removeQuietly(fs, temp);
    throw error;
  }
  await syncFolder(dirname(path));
}
