import { describe, expect, it } from 'vitest';
import { DEFAULT_SHORTCUT } from '../../../shared/shortcut/accelerator';
import { reservedShortcutReason, usableShortcut } from '../../../shared/shortcut/reserved-shortcuts';

describe('shortcuts Traykey will not take', () => {
  it('leaves every app its editing keys, with Cmd on a Mac and Ctrl elsewhere', () => {
    expect(reservedShortcutReason('CommandOrControl+C', 'linux')).toBe('Ctrl+C copies in every app, so Traykey leaves it to them: choose another shortcut.');
    expect(reservedShortcutReason('Command+V', 'darwin')).toBe('⌘V pastes in every app, so Traykey leaves it to them: choose another shortcut.');
    expect(reservedShortcutReason('CommandOrControl+Shift+Z', 'win32')).toBe('Ctrl+Shift+Z redoes in every app, so Traykey leaves it to them: choose another shortcut.');
    // Ctrl+C on a Mac is not copying (⌘C is), so it is free there.
    expect(reservedShortcutReason('Control+C', 'darwin')).toBeNull();
  });

  it('keeps the popup’s own keys for the popup', () => {
    expect(reservedShortcutReason('CommandOrControl+2', 'linux')).toBe('Ctrl+2 opens a section of the popup inside Traykey, so it cannot also open Traykey: choose another shortcut.');
    expect(reservedShortcutReason('Alt+Up', 'darwin')).toBe('⌥↑ moves an account up the list inside Traykey, so it cannot also open Traykey: choose another shortcut.');
  });

  it('names what the system does with its own keys', () => {
    expect(reservedShortcutReason('Alt+Tab', 'win32')).toBe('Alt+Tab switches windows in Windows, so Traykey cannot take it: choose another shortcut.');
    expect(reservedShortcutReason('CommandOrControl+Space', 'darwin')).toBe('⌘Space opens Spotlight on a Mac, so Traykey cannot take it: choose another shortcut.');
    expect(reservedShortcutReason('Control+Alt+T', 'linux')).toBe('Ctrl+Alt+T opens a terminal on most Linux desktops, so Traykey cannot take it: choose another shortcut.');
    expect(reservedShortcutReason('Super+E', 'win32')).toBe('Windows keeps Win+E and most Win shortcuts for itself: add Ctrl or Alt, or choose another shortcut.');
    // Taken on one system, free on another.
    expect(reservedShortcutReason('Control+Alt+T', 'win32')).toBeNull();
  });

  it('takes the default and ordinary combinations', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(usableShortcut(DEFAULT_SHORTCUT, platform)).toMatchObject({ ok: true, text: DEFAULT_SHORTCUT });
      expect(usableShortcut('ctrl+shift+alt+j', platform)).toMatchObject({ ok: true, text: 'Control+Alt+Shift+J' });
    }
    expect(usableShortcut('CommandOrControl+Q', 'darwin')).toEqual({ ok: false, message: '⌘Q quits in every app, so Traykey leaves it to them: choose another shortcut.' });
  });
});
