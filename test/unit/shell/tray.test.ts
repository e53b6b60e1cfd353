import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trayIconDir, trayIconFile } from '../../../electron/core/tray/tray-icon';
import { trayMenu } from '../../../electron/core/tray/tray-menu';

describe('tray menu', () => {
  it('offers Show, Lock, Start at Login and Quit, in that order', () => {
    const items = trayMenu({ vaultUnlocked: true, autoStart: false, shortcut: 'CommandOrControl+Alt+K', shortcutTaken: null, updateReady: null });
    expect(items.map((item) => (item.kind === 'separator' ? '-' : item.action))).toEqual(['show', 'lock', '-', 'toggleAutoStart', '-', 'quit']);
    expect(items[0]).toMatchObject({ label: 'Show Traykey (CommandOrControl+Alt+K)' });
  });

  it('offers Restart to Update first, with the version, once an update has downloaded', () => {
    const items = trayMenu({ vaultUnlocked: true, autoStart: null, shortcut: null, shortcutTaken: null, updateReady: { version: '1.4.0' } });
    expect(items.slice(0, 2)).toEqual([{ kind: 'action', action: 'restartToUpdate', label: 'Restart to Update (1.4.0)', enabled: true }, { kind: 'separator' }]);
    expect(trayMenu({ vaultUnlocked: true, autoStart: null, shortcut: null, shortcutTaken: null, updateReady: { version: null } })[0]).toMatchObject({ label: 'Restart to Update' });
    expect(trayMenu({ vaultUnlocked: true, autoStart: null, shortcut: null, shortcutTaken: null, updateReady: null }).some((item) => item.kind !== 'separator' && item.action === 'restartToUpdate')).toBe(false);
  });

  it('names a saved shortcut another app took at start, where a person looks for the shortcut', () => {
    const items = trayMenu({ vaultUnlocked: true, autoStart: null, shortcut: null, shortcutTaken: 'Ctrl+Alt+J', updateReady: null });
    expect(items.slice(0, 2)).toEqual([
      { kind: 'action', action: 'show', label: 'Show Traykey', enabled: true },
      { kind: 'action', action: 'show', label: 'Shortcut Ctrl+Alt+J Is Taken: Change It in Settings', enabled: false },
    ]);
  });

  it('disables Lock while the vault is already locked', () => {
    const lock = trayMenu({ vaultUnlocked: false, autoStart: false, shortcut: null, shortcutTaken: null, updateReady: null }).find((item) => item.kind !== 'separator' && item.action === 'lock');
    expect(lock).toMatchObject({ enabled: false });
  });

  it('ticks Start at Login to match the OS, and leaves it out where it cannot be set', () => {
    expect(trayMenu({ vaultUnlocked: true, autoStart: true, shortcut: null, shortcutTaken: null, updateReady: null })).toContainEqual({ kind: 'checkbox', action: 'toggleAutoStart', label: 'Start at Login', checked: true });
    const withoutAutoStart = trayMenu({ vaultUnlocked: true, autoStart: null, shortcut: null, shortcutTaken: null, updateReady: null });
    expect(withoutAutoStart.some((item) => item.kind !== 'separator' && item.action === 'toggleAutoStart')).toBe(false);
    expect(withoutAutoStart.filter((item) => item.kind === 'separator')).toHaveLength(1);
  });
});

describe('tray icon', () => {
  it('uses the template image on macOS and a theme-matched glyph elsewhere', () => {
    expect(trayIconFile({ platform: 'darwin', darkPanel: true, trayDir: '/r/tray' })).toBe(join('/r/tray', 'iconTemplate.png'));
    expect(trayIconFile({ platform: 'win32', darkPanel: true, trayDir: '/r/tray' })).toBe(join('/r/tray', 'tray-on-dark.png'));
    expect(trayIconFile({ platform: 'linux', darkPanel: false, trayDir: '/r/tray' })).toBe(join('/r/tray', 'tray-on-light.png'));
  });

  it('reads icons from the resources folder when packaged and from build/tray in development', () => {
    expect(trayIconDir({ packaged: true, resourcesPath: '/opt/Traykey/resources', appPath: '/x' })).toBe(join('/opt/Traykey/resources', 'tray'));
    expect(trayIconDir({ packaged: false, resourcesPath: '/x', appPath: '/src/traykey' })).toBe(join('/src/traykey', 'build', 'tray'));
  });

  it('points at files that exist in build/tray for every platform and theme', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const darkPanel of [true, false]) {
        const file = trayIconFile({ platform, darkPanel, trayDir: trayIconDir({ packaged: false, resourcesPath: '', appPath: process.cwd() }) });
        expect(existsSync(file)).toBe(true);
        expect(existsSync(file.replace(/\.png$/, '@2x.png'))).toBe(true);
      }
    }
  });
});
