import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePrivateFile } from '../../../electron/core/files/private-file';
import { expectAppError } from '../../support/expect-app-error';
import { tempHome } from '../../support/temp-home';

const ownerOnly = async (file: string): Promise<number> => (await stat(file)).mode & 0o777;

describe('writePrivateFile', () => {
  it('creates a new file readable by its owner only', async () => {
    const file = join(await tempHome('private-file'), 'results.csv');
    await writePrivateFile(file, 'alice,secret\n', { replace: false, field: 'output' });
    expect(await readFile(file, 'utf8')).toBe('alice,secret\n');
    if (process.platform !== 'win32') expect(await ownerOnly(file)).toBe(0o600);
  });

  it('refuses to write over an existing file unless told to replace it, and leaves that file as it was', async () => {
    const file = join(await tempHome('private-file'), 'backup.json');
    await writeFile(file, 'earlier');
    const error = await expectAppError(() => writePrivateFile(file, new TextEncoder().encode('later'), { replace: false, field: 'file' }), 'INVALID_INPUT');
    expect(error.message).toBe(`There is already a file at ${file}, so nothing was written over it: give a new file name.`);
    expect(error.field).toBe('file');
    expect(await readFile(file, 'utf8')).toBe('earlier');
  });

  it('replaces an existing file when told to, owner-only, leaving no temporary file beside it', async () => {
    const folder = await tempHome('private-file');
    const file = join(folder, 'export.txt');
    await writeFile(file, 'earlier', { mode: 0o644 });
    await writePrivateFile(file, 'later', { replace: true, field: 'file' });
    expect(await readFile(file, 'utf8')).toBe('later');
    if (process.platform !== 'win32') expect(await ownerOnly(file)).toBe(0o600);
    expect(await readdir(folder)).toEqual(['export.txt']);
  });

  it('names the file, the reason and the field that chose it when the folder cannot take it', async () => {
    const file = join(await tempHome('private-file'), 'missing-folder', 'results.csv');
    for (const replace of [false, true]) {
      const error = await expectAppError(() => writePrivateFile(file, 'x', { replace, field: 'output' }), 'INVALID_INPUT');
      expect(error.message).toBe(`The file cannot be written to ${file} (ENOENT).`);
      expect(error.field).toBe('output');
    }
  });
});
