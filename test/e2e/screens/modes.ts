import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { HarnessOptions } from '../harness/harness';

/** 09:00:18 UTC: twelve seconds left in the 30-second period, so the bars and seconds are mid-way. */
export const SHOT_TIME = Date.UTC(2026, 0, 15, 9, 0, 18);

/** The harness for pictures: push runs on the fixed clock too, so requests in Approvals are dated at the shots' moment. */
export const SHOT_HARNESS: HarnessOptions = { now: SHOT_TIME, coreOptions: ({ clock }) => ({ push: { now: clock.now } }) };

export interface ScreenMode {
  name: 'light' | 'dark' | 'zoom200';
  viewport: { width: number; height: number };
  /** The Admin window at its minimum size, zoomed as the popup is. */
  adminViewport: { width: number; height: number };
  deviceScaleFactor: number;
  colorScheme: 'light' | 'dark';
}

export const SCREEN_MODES: ScreenMode[] = [
  { name: 'light', viewport: { width: 360, height: 520 }, adminViewport: { width: 900, height: 600 }, deviceScaleFactor: 1, colorScheme: 'light' },
  { name: 'dark', viewport: { width: 360, height: 520 }, adminViewport: { width: 900, height: 600 }, deviceScaleFactor: 1, colorScheme: 'dark' },
  { name: 'zoom200', viewport: { width: 180, height: 260 }, adminViewport: { width: 450, height: 300 }, deviceScaleFactor: 2, colorScheme: 'light' },
];

/** `npm run shots` sets TRAYKEY_SHOTS_DIR; the pictures land there for a person to look at. */
export async function saveShot(page: Page, name: string): Promise<void> {
  const dir = process.env.TRAYKEY_SHOTS_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, name), await page.screenshot({ animations: 'disabled', caret: 'hide' }));
}
