import { describe, expect, it } from 'vitest';
import { acceleratorFromKeyPress, chooseShortcut, DEFAULT_SHORTCUT, displayAccelerator, parseAccelerator } from '../../../shared/shortcut/accelerator';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; altKey: boolean; shiftKey: boolean; metaKey: boolean }> = {}) => ({ key, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods });

describe('reading a shortcut', () => {
  it('accepts aliases in any case and writes the canonical form', () => {
    expect(parseAccelerator('alt+cmdorctrl+k')).toMatchObject({ ok: true, text: 'CommandOrControl+Alt+K' });
    expect(parseAccelerator('Ctrl+Shift+F12')).toMatchObject({ ok: true, text: 'Control+Shift+F12' });
  });

  it('refuses a key alone, Shift alone, and unknown parts, each in one sentence', () => {
    expect(parseAccelerator('K')).toMatchObject({ ok: false, message: expect.stringMatching(/modifier keys and one other key/) });
    expect(parseAccelerator('Shift+K')).toMatchObject({ ok: false, message: expect.stringMatching(/Shift alone/) });
    expect(parseAccelerator('Hyper+K')).toMatchObject({ ok: false, message: 'Hyper is not a modifier key; use Ctrl, Alt, Shift or Cmd.' });
    expect(parseAccelerator('Ctrl+§')).toMatchObject({ ok: false });
  });
});

describe('a key press in Settings', () => {
  it('becomes CommandOrControl from Ctrl on Linux and Windows and from Cmd on macOS', () => {
    expect(acceleratorFromKeyPress(press('j', { ctrlKey: true, altKey: true }), 'linux')).toMatchObject({ text: 'CommandOrControl+Alt+J' });
    expect(acceleratorFromKeyPress(press('j', { metaKey: true, altKey: true }), 'darwin')).toMatchObject({ text: 'CommandOrControl+Alt+J' });
    expect(acceleratorFromKeyPress(press('ArrowUp', { ctrlKey: true, shiftKey: true }), 'win32')).toMatchObject({ text: 'CommandOrControl+Shift+Up' });
  });

  it('is not a shortcut yet while only modifiers are held', () => {
    expect(acceleratorFromKeyPress(press('Control', { ctrlKey: true }), 'linux')).toBeNull();
  });
});

describe('showing a shortcut', () => {
  it('uses the platform’s words or symbols', () => {
    expect(displayAccelerator(DEFAULT_SHORTCUT, 'linux')).toBe('Ctrl+Alt+K');
    expect(displayAccelerator(DEFAULT_SHORTCUT, 'darwin')).toBe('⌘⌥K');
  });
});

describe('choosing what to register', () => {
  const taken = (...held: string[]) => (accelerator: string) => !held.includes(accelerator);

  it('registers the wanted shortcut when it is free', () => {
    expect(chooseShortcut('Ctrl+Alt+J', DEFAULT_SHORTCUT, taken(), 'linux')).toEqual({ active: 'Control+Alt+J', problem: null });
  });

  it('keeps the previous one when the wanted one is taken, and says so in one sentence', () => {
    expect(chooseShortcut('CommandOrControl+Alt+J', 'CommandOrControl+Alt+L', taken('CommandOrControl+Alt+J'), 'linux')).toEqual({
      active: 'CommandOrControl+Alt+L',
      problem: 'Ctrl+Alt+J is already used by another app or the system, so Traykey still opens with Ctrl+Alt+L.',
    });
  });

  it('falls back to the default, and reports when nothing can be registered', () => {
    expect(chooseShortcut('CommandOrControl+Alt+J', null, taken('CommandOrControl+Alt+J'), 'darwin').active).toBe(DEFAULT_SHORTCUT);
    expect(chooseShortcut(DEFAULT_SHORTCUT, null, taken(DEFAULT_SHORTCUT), 'linux')).toEqual({
      active: null,
      problem: 'Ctrl+Alt+K is already used by another app or the system, and no other shortcut could be set: choose another in Settings.',
    });
  });
});
