import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireRunLock, withRunLock } from '../../../electron/core/admin/run-lock';
import { tempHome } from '../../support/temp-home';

describe('one admin run per connection', () => {
  it('refuses a second run while the first holds the lock, and lets the next one in after release', async () => {
    const dir = await tempHome('lock');
    const first = await acquireRunLock(dir, 'okta-x', 'x.example', { pid: 100, isAlive: () => true, now: () => 0 });
    await expect(acquireRunLock(dir, 'okta-x', 'x.example', { pid: 200, isAlive: () => true })).rejects.toMatchObject({ code: 'BUSY', message: expect.stringContaining('Another Traykey run is working on x.example (process 100, since 1970-01-01T00:00:00.000Z)') });
    // Other connections are not held up.
    await (await acquireRunLock(dir, 'okta-y', 'y.example', { pid: 200, isAlive: () => true })).release();
    await first.release();
    await withRunLock(dir, 'okta-x', 'x.example', async () => undefined, { pid: 200, isAlive: () => true });
  });

  it('takes over the lock of a run whose process is gone, or whose lock file was cut short', async () => {
    const dir = await tempHome('lock');
    await acquireRunLock(dir, 'okta-x', 'x.example', { pid: 100 });
    const taken = await acquireRunLock(dir, 'okta-x', 'x.example', { pid: 200, isAlive: (pid) => pid !== 100 });
    expect(JSON.parse(await readFile(join(dir, 'okta-x.lock'), 'utf8'))).toMatchObject({ pid: 200 });
    await taken.release();
    await writeFile(join(dir, 'okta-x.lock'), '{"pid":');
    await (await acquireRunLock(dir, 'okta-x', 'x.example', { pid: 300, isAlive: () => true })).release();
  });

  it('releases the lock however the work ends', async () => {
    const dir = await tempHome('lock');
    await expect(withRunLock(dir, 'okta-x', 'x.example', async () => Promise.reject(new Error('crash')))).rejects.toThrow('crash');
    await (await acquireRunLock(dir, 'okta-x', 'x.example', { isAlive: () => true })).release();
  });
});
