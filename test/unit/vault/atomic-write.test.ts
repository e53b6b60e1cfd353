import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { removeLeftoverTemps, writeFileAtomic } from '../../../electron/core/vault/atomic-write';
import { diskFullAfter } from './fixtures/disk-full';
import { tempHomeSync } from '../../support/temp-home';

describe('writeFileAtomic', () => {
  it('writes a new file with mode 0600', async () => {
    const path = join(tempHomeSync('vault'), 'f');
    await writeFileAtomic(path, Buffer.from('one'));
    expect(readFileSync(path, 'utf8')).toBe('one');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('keeps the replaced contents as the backup', async () => {
    const dir = tempHomeSync('vault');
    const path = join(dir, 'f');
    await writeFileAtomic(path, Buffer.from('one'), { backupPath: `${path}.bak` });
    await writeFileAtomic(path, Buffer.from('two'), { backupPath: `${path}.bak` });
    await writeFileAtomic(path, Buffer.from('three'), { backupPath: `${path}.bak` });
    expect(readFileSync(path, 'utf8')).toBe('three');
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe('two');
    expect(readdirSync(dir).sort()).toEqual(['f', 'f.bak']);
  });

  it('leaves the old file and its backup intact, and no temporary file, when the disk fills mid-write', async () => {
    const dir = tempHomeSync('vault');
    const path = join(dir, 'f');
    writeFileSync(path, 'old');
    writeFileSync(`${path}.bak`, 'older');
    await expect(writeFileAtomic(path, Buffer.alloc(100_000, 1), { backupPath: `${path}.bak`, fs: diskFullAfter(4096) })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe('older');
    expect(readdirSync(dir).sort()).toEqual(['f', 'f.bak']);
  });

  it('removes temporary files left by writers that died, and only those', async () => {
    const dir = tempHomeSync('vault');
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    const names = [`.f.${dead}.0a1b2c3d.tmp`, `.f.bak.${dead}.0a1b2c3d.bak`, `.f.${process.pid}.0a1b2c3d.tmp`, `.other.${dead}.0a1b2c3d.tmp`, 'f'];
    for (const name of names) writeFileSync(join(dir, name), 'x');
    await removeLeftoverTemps([join(dir, 'f'), join(dir, 'f.bak')]);
    expect(readdirSync(dir).sort()).toEqual([`.f.${process.pid}.0a1b2c3d.tmp`, `.other.${dead}.0a1b2c3d.tmp`, 'f'].sort());
  });
});
