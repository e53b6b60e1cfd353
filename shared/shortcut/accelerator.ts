/**
 * The global shortcut's decisions, apart from Electron: reading and checking an accelerator, turning
 * a key press in Settings into one, showing it the platform's way, and choosing what to register
 * when the system refuses the wanted one. main.ts only calls `globalShortcut` with the answers.
 */

export const DEFAULT_SHORTCUT = 'CommandOrControl+Alt+K';

const MODIFIERS = ['CommandOrControl', 'Control', 'Command', 'Alt', 'Shift', 'Super'] as const;
type Modifier = (typeof MODIFIERS)[number];

const MODIFIER_ALIASES: Record<string, Modifier> = {
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  control: 'Control',
  ctrl: 'Control',
  command: 'Command',
  cmd: 'Command',
  alt: 'Alt',
  option: 'Alt',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

const NAMED_KEYS = ['Space', 'Tab', 'Backspace', 'Delete', 'Insert', 'Home', 'End', 'PageUp', 'PageDown', 'Up', 'Down', 'Left', 'Right', 'Escape'];

export type Platform = 'darwin' | 'win32' | 'linux';

export interface Accelerator {
  modifiers: Modifier[];
  key: string;
}

export type AcceleratorResult = { ok: true; accelerator: Accelerator; text: string } | { ok: false; message: string };

function normaliseKey(key: string): string | null {
  if (/^[a-z0-9]$/i.test(key)) return key.toUpperCase();
  if (/^F([1-9]|1[0-9]|2[0-4])$/i.test(key)) return key.toUpperCase();
  return NAMED_KEYS.find((named) => named.toLowerCase() === key.toLowerCase()) ?? null;
}

/** Reads "CommandOrControl+Alt+K" (any case, common aliases) into its parts, in a canonical order. */
export function parseAccelerator(text: string): AcceleratorResult {
  const parts = text.split('+').map((part) => part.trim());
  if (parts.length < 2 || parts.some((part) => part === '')) return { ok: false, message: 'A shortcut is one or more modifier keys and one other key, such as Ctrl+Alt+K.' };
  const keyPart = parts[parts.length - 1] ?? '';
  const modifiers = new Set<Modifier>();
  for (const part of parts.slice(0, -1)) {
    const modifier = MODIFIER_ALIASES[part.toLowerCase()];
    if (!modifier) return { ok: false, message: `${part} is not a modifier key; use Ctrl, Alt, Shift or Cmd.` };
    modifiers.add(modifier);
  }
  const key = normaliseKey(keyPart);
  if (!key) return { ok: false, message: `${keyPart} cannot be the shortcut's key; use a letter, a digit, F1–F24 or a named key.` };
  if ([...modifiers].every((modifier) => modifier === 'Shift')) return { ok: false, message: 'Add Ctrl, Alt or Cmd: with Shift alone the shortcut would type text.' };
  const ordered = MODIFIERS.filter((modifier) => modifiers.has(modifier));
  return { ok: true, accelerator: { modifiers: ordered, key }, text: [...ordered, key].join('+') };
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/** The shortcut a person pressed in Settings; modifier keys alone are not a shortcut yet. */
export function acceleratorFromKeyPress(press: KeyPress, platform: Platform): AcceleratorResult | null {
  if (['Control', 'Alt', 'Shift', 'Meta', 'OS', 'AltGraph'].includes(press.key)) return null;
  const key = press.key.length === 1 ? press.key : press.key.replace(/^Arrow/, '');
  const parts: string[] = [];
  // Ctrl on Windows and Linux and Cmd on macOS are the same shortcut written once.
  const primary = platform === 'darwin' ? press.metaKey : press.ctrlKey;
  if (primary) parts.push('CommandOrControl');
  if (platform === 'darwin' && press.ctrlKey) parts.push('Control');
  if (platform !== 'darwin' && press.metaKey) parts.push('Super');
  if (press.altKey) parts.push('Alt');
  if (press.shiftKey) parts.push('Shift');
  return parseAccelerator([...parts, key === ' ' ? 'Space' : key].join('+'));
}

const MAC_SYMBOLS: Record<Modifier, string> = { CommandOrControl: '⌘', Command: '⌘', Control: '⌃', Alt: '⌥', Shift: '⇧', Super: '⌘' };
const PC_NAMES: Record<Modifier, string> = { CommandOrControl: 'Ctrl', Command: 'Win', Control: 'Ctrl', Alt: 'Alt', Shift: 'Shift', Super: 'Win' };

/** "Ctrl+Alt+K" on Windows and Linux, "⌘⌥K" on macOS. */
export function displayAccelerator(text: string, platform: Platform): string {
  const parsed = parseAccelerator(text);
  if (!parsed.ok) return text;
  const { modifiers, key } = parsed.accelerator;
  if (platform === 'darwin') return `${modifiers.map((modifier) => MAC_SYMBOLS[modifier]).join('')}${key}`;
  return [...modifiers.map((modifier) => PC_NAMES[modifier]), key].join('+');
}

export interface ShortcutChoice {
  /** What is registered now, or null when nothing could be. */
  active: string | null;
  /** One sentence for Settings when the wanted shortcut could not be had. */
  problem: string | null;
}

/**
 * Registers the wanted shortcut, else keeps the one that worked before, else the default, and says
 * why in one sentence. `register` is Electron's `globalShortcut.register` (false when the OS or
 * another app holds the keys).
 */
export function chooseShortcut(wanted: string, previous: string | null, register: (accelerator: string) => boolean, platform: Platform): ShortcutChoice {
  const parsed = parseAccelerator(wanted);
  const fallbacks = [previous, DEFAULT_SHORTCUT].filter((candidate): candidate is string => candidate !== null && candidate !== wanted);
  const reason = parsed.ok ? `${displayAccelerator(wanted, platform)} is already used by another app or the system` : parsed.message.replace(/\.$/, '');
  if (parsed.ok && register(parsed.text)) return { active: parsed.text, problem: null };
  for (const fallback of fallbacks) {
    if (register(fallback)) return { active: fallback, problem: `${reason}, so Traykey still opens with ${displayAccelerator(fallback, platform)}.` };
  }
  return { active: null, problem: `${reason}, and no other shortcut could be set: choose another in Settings.` };
}
