/**
 * Remembered window sizes, one small JSON file beside the settings. A missing or damaged file only
 * means the windows open at their first size again, so reading never fails.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../vault/atomic-write';
import type { Size } from './remembered-size';

export const WINDOW_SIZES_FILE = 'window-sizes.json';

export interface WindowSizeStore {
  /** What was saved for this window (unchecked: sizeToOpen decides whether it makes sense). */
  load(window: string): Promise<unknown>;
  save(window: string, size: Size): Promise<void>;
}

export function windowSizeStore(home: string): WindowSizeStore {
  const path = join(home, WINDOW_SIZES_FILE);
  const readAll = async (): Promise<Record<string, unknown>> => {
    try {
      const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };
  return {
    load: async (window) => (await readAll())[window],
    async save(window, size) {
      const all = { ...(await readAll()), [window]: { width: size.width, height: size.height } };
      await writeFileAtomic(path, new TextEncoder().encode(`${JSON.stringify(all, null, 2)}\n`));
    },
  };
}
