import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { captureKeyPress, DEFAULT_SHORTCUT, displayAccelerator, parseAccelerator, type KeyPress, type Platform } from '../../../shared/shortcut/accelerator';

const press = (key: string, code: string, mods: Partial<Pick<KeyPress, 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey'>> = {}): KeyPress => ({ key, code, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods });

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

describe('a key press while Settings waits for the new shortcut', () => {
  it('becomes CommandOrControl from Ctrl on Linux and Windows and from Cmd on macOS', () => {
    expect(captureKeyPress(press('j', 'KeyJ', { ctrlKey: true, altKey: true }), 'linux')).toEqual({ kind: 'pressed', accelerator: 'CommandOrControl+Alt+J' });
    expect(captureKeyPress(press('∆', 'KeyJ', { metaKey: true, altKey: true }), 'darwin')).toEqual({ kind: 'pressed', accelerator: 'CommandOrControl+Alt+J' });
    expect(captureKeyPress(press('ArrowUp', 'ArrowUp', { ctrlKey: true, shiftKey: true }), 'win32')).toEqual({ kind: 'pressed', accelerator: 'CommandOrControl+Shift+Up' });
  });

  it('reads the physical key, so Option or Shift changing the character does not change the shortcut', () => {
    expect(captureKeyPress(press('˚', 'KeyK', { metaKey: true, altKey: true }), 'darwin')).toEqual({ kind: 'pressed', accelerator: DEFAULT_SHORTCUT });
    expect(captureKeyPress(press('!', 'Digit1', { ctrlKey: true, shiftKey: true }), 'linux')).toEqual({ kind: 'pressed', accelerator: 'CommandOrControl+Shift+1' });
    expect(captureKeyPress(press(' ', 'Space', { ctrlKey: true, altKey: true }), 'linux')).toEqual({ kind: 'pressed', accelerator: 'CommandOrControl+Alt+Space' });
  });

  it('keeps Ctrl apart from Cmd on a Mac, and writes the Windows key as Super', () => {
    expect(captureKeyPress(press('k', 'KeyK', { ctrlKey: true, metaKey: true }), 'darwin')).toEqual({ kind: 'pressed', accelerator: 'CommandOrControl+Control+K' });
    expect(captureKeyPress(press('k', 'KeyK', { metaKey: true, altKey: true }), 'win32')).toEqual({ kind: 'pressed', accelerator: 'Alt+Super+K' });
  });

  it('waits while only modifiers are held, showing what is held so far', () => {
    expect(captureKeyPress(press('Control', 'ControlLeft', { ctrlKey: true }), 'linux')).toEqual({ kind: 'holding', label: 'Ctrl+…' });
    expect(captureKeyPress(press('Alt', 'AltLeft', { ctrlKey: true, altKey: true }), 'win32')).toEqual({ kind: 'holding', label: 'Ctrl+Alt+…' });
    expect(captureKeyPress(press('Meta', 'MetaLeft', { metaKey: true, altKey: true }), 'darwin')).toEqual({ kind: 'holding', label: '⌥⌘…' });
  });

  it('refuses a key without Ctrl, Alt or Cmd, and keys a shortcut cannot use, in one sentence each', () => {
    expect(captureKeyPress(press('k', 'KeyK'), 'linux')).toEqual({ kind: 'refused', message: 'K alone would type in other apps: hold Ctrl or Alt as well.' });
    expect(captureKeyPress(press('K', 'KeyK', { shiftKey: true }), 'darwin')).toEqual({ kind: 'refused', message: 'K alone would type in other apps: hold ⌘, ⌥ or ⌃ as well.' });
    expect(captureKeyPress(press('§', 'IntlBackslash', { ctrlKey: true, altKey: true }), 'linux')).toEqual({ kind: 'refused', message: '§ cannot be part of a shortcut: use a letter, a digit, F1–F24, an arrow or Space.' });
  });
});

describe('showing a shortcut', () => {
  it('uses the platform’s words, or Apple’s symbols in Apple’s order (⌃⌥⇧⌘)', () => {
    expect(displayAccelerator(DEFAULT_SHORTCUT, 'linux')).toBe('Ctrl+Alt+K');
    expect(displayAccelerator(DEFAULT_SHORTCUT, 'win32')).toBe('Ctrl+Alt+K');
    expect(displayAccelerator(DEFAULT_SHORTCUT, 'darwin')).toBe('⌥⌘K');
    expect(displayAccelerator('CommandOrControl+Control+Shift+Up', 'darwin')).toBe('⌃⇧⌘↑');
    expect(displayAccelerator('Alt+Super+K', 'win32')).toBe('Win+Alt+K');
    expect(displayAccelerator('Alt+Super+K', 'linux')).toBe('Super+Alt+K');
  });
});

const platforms = fc.constantFrom<Platform>('darwin', 'win32', 'linux');
const physicalKeys = fc.oneof(
  fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ').map((letter) => ({ code: `Key${letter}`, key: letter.toLowerCase(), name: letter })),
  fc.integer({ min: 0, max: 9 }).map((digit) => ({ code: `Digit${digit}`, key: String(digit), name: String(digit) })),
  fc.integer({ min: 1, max: 12 }).map((n) => ({ code: `F${n}`, key: `F${n}`, name: `F${n}` })),
  fc.constantFrom('Up', 'Down', 'Left', 'Right').map((arrow) => ({ code: `Arrow${arrow}`, key: `Arrow${arrow}`, name: arrow })),
);
const modifiers = fc.record({ ctrlKey: fc.boolean(), altKey: fc.boolean(), shiftKey: fc.boolean(), metaKey: fc.boolean() });

describe('any key press', () => {
  it('gives a shortcut that reads back to itself, names the pressed key, and shows without Electron’s words', () => {
    fc.assert(
      fc.property(platforms, physicalKeys, modifiers, (platform, key, mods) => {
        const step = captureKeyPress(press(key.key, key.code, mods), platform);
        const hasModifier = mods.ctrlKey || mods.altKey || mods.metaKey;
        if (!hasModifier) return step.kind === 'refused';
        if (step.kind !== 'pressed') return false;
        const parsed = parseAccelerator(step.accelerator);
        const shown = displayAccelerator(step.accelerator, platform);
        return parsed.ok && parsed.text === step.accelerator && parsed.accelerator.key === key.name && !shown.includes('CommandOrControl') && (platform !== 'darwin' || !shown.includes('+'));
      }),
    );
  });
});
