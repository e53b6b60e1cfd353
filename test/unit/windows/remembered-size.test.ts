import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_WINDOW, sizeToOpen, sizeToRemember } from '../../../electron/core/windows/remembered-size';
import { WINDOW_SIZES_FILE, windowSizeStore } from '../../../electron/core/windows/window-size-store';
import { tempHome } from '../../support/temp-home';

const LAPTOP = { width: 1440, height: 860 };

describe('the size the Admin window opens at', () => {
  it('is the first size when nothing was remembered', () => {
    expect(sizeToOpen(undefined, LAPTOP, ADMIN_WINDOW)).toEqual({ width: 1100, height: 720 });
  });

  it('is the remembered size when it fits the screen', () => {
    expect(sizeToOpen({ width: 1300, height: 800 }, LAPTOP, ADMIN_WINDOW)).toEqual({ width: 1300, height: 800 });
  });

  it('never goes below 900 × 600', () => {
    expect(sizeToOpen({ width: 400, height: 300 }, LAPTOP, ADMIN_WINDOW)).toEqual({ width: 900, height: 600 });
  });

  it('shrinks a size remembered on a bigger screen to the screen it opens on', () => {
    expect(sizeToOpen({ width: 2500, height: 1400 }, LAPTOP, ADMIN_WINDOW)).toEqual(LAPTOP);
  });

  it('keeps the minimum on a screen smaller than the minimum', () => {
    expect(sizeToOpen({ width: 1000, height: 700 }, { width: 800, height: 500 }, ADMIN_WINDOW)).toEqual({ width: 900, height: 600 });
  });

  it.each([null, 'big', { width: '1200', height: 800 }, { width: 1200 }, { width: -5, height: 800 }, { width: 1.5, height: 800 }, { width: Number.NaN, height: 800 }])('treats %j as never resized', (saved) => {
    expect(sizeToOpen(saved, LAPTOP, ADMIN_WINDOW)).toEqual(ADMIN_WINDOW.initial);
  });

  it('remembers whole pixels, never below the minimum', () => {
    expect(sizeToRemember({ width: 1234.6, height: 650.2 }, ADMIN_WINDOW)).toEqual({ width: 1235, height: 650 });
    expect(sizeToRemember({ width: 10, height: 10 }, ADMIN_WINDOW)).toEqual(ADMIN_WINDOW.min);
  });
});

describe('remembered window sizes on disk', () => {
  it('reads back what was saved, per window, and keeps the other windows’ sizes', async () => {
    const home = await tempHome('sizes');
    const store = windowSizeStore(home);
    expect(await store.load('admin')).toBeUndefined();
    await store.save('other', { width: 500, height: 400 });
    await store.save('admin', { width: 1200, height: 700 });
    expect(await store.load('admin')).toEqual({ width: 1200, height: 700 });
    expect(await store.load('other')).toEqual({ width: 500, height: 400 });
  });

  it('reads a damaged file as nothing remembered, and saving replaces it', async () => {
    const home = await tempHome('sizes');
    await writeFile(join(home, WINDOW_SIZES_FILE), '{"admin": {"width": 12');
    const store = windowSizeStore(home);
    expect(sizeToOpen(await store.load('admin'), LAPTOP, ADMIN_WINDOW)).toEqual(ADMIN_WINDOW.initial);
    await store.save('admin', { width: 1000, height: 650 });
    expect(JSON.parse(await readFile(join(home, WINDOW_SIZES_FILE), 'utf8'))).toEqual({ admin: { width: 1000, height: 650 } });
  });
});
