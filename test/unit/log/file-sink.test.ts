import { readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fileSink, LOG_FILE } from '../../../electron/core/log/file-sink';
import { tempHome } from '../../support/temp-home';

describe('the app’s log file', () => {
  let home: string;
  beforeEach(async () => {
    home = await tempHome('log');
  });

  it('appends lines to logs/traykey.log, readable by the user only', async () => {
    const { sink, path } = fileSink(home);
    sink('one\n');
    sink('two\n');
    expect(path).toBe(join(home, LOG_FILE));
    expect(await readFile(path, 'utf8')).toBe('one\ntwo\n');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(home, 'logs'))).mode & 0o777).toBe(0o700);
  });

  it('moves an oversized log aside when it starts, keeping one older file', async () => {
    await mkdir(join(home, 'logs'), { recursive: true });
    await writeFile(join(home, LOG_FILE), 'x'.repeat(200));
    const { sink, path } = fileSink(home, 100);
    sink('fresh\n');
    expect(await readFile(path, 'utf8')).toBe('fresh\n');
    expect(await readFile(`${path}.1`, 'utf8')).toHaveLength(200);
  });
});
