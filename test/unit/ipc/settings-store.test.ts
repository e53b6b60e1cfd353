import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsStore } from '../../../electron/core/settings/settings-store';
import { tempHome } from '../../support/temp-home';

describe('settings.json', () => {
  let home: string;
  beforeEach(async () => {
    home = await tempHome('settings');
  });

  it('gives the defaults when there is no file', async () => {
    expect(await new SettingsStore(home).get()).toEqual(DEFAULT_SETTINGS);
  });

  it('saves a change and reads it back in a new store', async () => {
    await new SettingsStore(home).set({ theme: 'dark', clipboardClearSeconds: 10 });
    expect(await new SettingsStore(home).get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', clipboardClearSeconds: 10 });
    expect(JSON.parse(await readFile(join(home, 'settings.json'), 'utf8'))).toEqual({ ...DEFAULT_SETTINGS, clipboardClearSeconds: 10, theme: 'dark' });
  });

  it('refuses an invalid value, naming the setting', async () => {
    await expect(new SettingsStore(home).set({ clipboardClearSeconds: 601 })).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'clipboardClearSeconds' });
  });

  it('never writes fields outside the schema', async () => {
    await new SettingsStore(home).set({ secret: 'JBSWY3DP' } as never);
    expect(await readFile(join(home, 'settings.json'), 'utf8')).not.toContain('JBSWY3DP');
  });

  it('keeps the valid fields of a hand-edited file and defaults the rest', async () => {
    await writeFile(join(home, 'settings.json'), JSON.stringify({ theme: 'light', clipboardClearSeconds: 'soon' }));
    expect(await new SettingsStore(home).get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
    await writeFile(join(home, 'settings.json'), '{not json');
    expect(await new SettingsStore(home).get()).toEqual(DEFAULT_SETTINGS);
  });
});
