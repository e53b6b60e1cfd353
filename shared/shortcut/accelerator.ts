/**
 * The global shortcut as text: reading and checking an Electron accelerator, turning a key press in
 * Settings into one, and showing it the way people read it on their platform. What to register and
 * when is electron/core/shortcut/; which keys are off limits is reserved-shortcuts.ts.
 */

export const DEFAULT_SHORTCUT = 'CommandOrControl+Alt+K';

/** The canonical order of an accelerator's modifiers, as Traykey writes and stores it. */
const MODIFIERS = ['CommandOrControl', 'Control', 'Command', 'Alt', 'Shift', 'Super'] as const;
export type Modifier = (typeof MODIFIERS)[number];

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

const NAMED_KEYS = ['Space', 'Tab', 'Enter', 'Backspace', 'Delete', 'Insert', 'Home', 'End', 'PageUp', 'PageDown', 'Up', 'Down', 'Left', 'Right', 'Escape'];

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

/** What a keydown event says, as the renderer hands it over. */
export interface KeyPress {
  /** The character or key name (KeyboardEvent.key). */
  key: string;
  /** The physical key (KeyboardEvent.code): "KeyK" whatever Option or a layout made of it. */
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

const MODIFIER_KEYS = new Set(['Control', 'Alt', 'Shift', 'Meta', 'OS', 'AltGraph', 'Super', 'Hyper', 'Fn']);

/** The key an accelerator names for a press: from the physical key first, since ⌥K types "˚" on a Mac. */
function pressedKey(press: KeyPress): string {
  const physical = /^(?:Key([A-Z])|Digit([0-9])|(F[0-9]{1,2})|Arrow(Up|Down|Left|Right))$/.exec(press.code);
  if (physical) return physical.slice(1).find((part) => part !== undefined) ?? press.key;
  if (press.key === ' ') return 'Space';
  return press.key.replace(/^Arrow/, '');
}

function pressedModifiers(press: KeyPress, platform: Platform): Modifier[] {
  const held: Modifier[] = [];
  // Ctrl on Windows and Linux and Cmd on macOS are the same shortcut written once.
  if (platform === 'darwin' ? press.metaKey : press.ctrlKey) held.push('CommandOrControl');
  if (platform === 'darwin' && press.ctrlKey) held.push('Control');
  if (press.altKey) held.push('Alt');
  if (press.shiftKey) held.push('Shift');
  if (platform !== 'darwin' && press.metaKey) held.push('Super');
  return held;
}

/** Where a capture in Settings stands after one key press. */
export type CaptureStep =
  /** Only modifiers so far: "Ctrl+Alt+…" while the person looks for the key. */
  | { kind: 'holding'; label: string }
  | { kind: 'refused'; message: string }
  | { kind: 'pressed'; accelerator: string };

/**
 * A key press while Settings waits for a new shortcut. Refusals here are about the keys themselves
 * (no modifier, an unusable key); keys other programs rely on are reserved-shortcuts.ts's call.
 */
export function captureKeyPress(press: KeyPress, platform: Platform): CaptureStep {
  const held = pressedModifiers(press, platform);
  if (MODIFIER_KEYS.has(press.key) || /^(?:Control|Alt|Shift|Meta|OS)(?:Left|Right)$/.test(press.code)) {
    return { kind: 'holding', label: held.length === 0 ? '' : `${modifierLabel(held, platform)}${platform === 'darwin' ? '' : '+'}…` };
  }
  const key = pressedKey(press);
  const named = normaliseKey(key);
  const shown = named ?? key.toUpperCase();
  if (held.length === 0 || held.every((modifier) => modifier === 'Shift')) {
    return { kind: 'refused', message: `${shown} alone would type in other apps: hold ${platform === 'darwin' ? '⌘, ⌥ or ⌃' : 'Ctrl or Alt'} as well.` };
  }
  if (!named) return { kind: 'refused', message: `${shown} cannot be part of a shortcut: use a letter, a digit, F1–F24, an arrow or Space.` };
  const parsed = parseAccelerator([...held, named].join('+'));
  return parsed.ok ? { kind: 'pressed', accelerator: parsed.text } : { kind: 'refused', message: parsed.message };
}

/** Apple's menus list modifiers as ⌃⌥⇧⌘; Windows and Linux write Win, Ctrl, Alt, Shift. */
const MAC_ORDER: Modifier[] = ['Control', 'Alt', 'Shift', 'CommandOrControl', 'Command', 'Super'];
const MAC_SYMBOLS: Record<Modifier, string> = { CommandOrControl: '⌘', Command: '⌘', Control: '⌃', Alt: '⌥', Shift: '⇧', Super: '⌘' };
const PC_ORDER: Modifier[] = ['Super', 'Command', 'CommandOrControl', 'Control', 'Alt', 'Shift'];
const PC_NAMES: Record<Platform, Record<Modifier, string>> = {
  win32: { CommandOrControl: 'Ctrl', Command: 'Win', Control: 'Ctrl', Alt: 'Alt', Shift: 'Shift', Super: 'Win' },
  linux: { CommandOrControl: 'Ctrl', Command: 'Super', Control: 'Ctrl', Alt: 'Alt', Shift: 'Shift', Super: 'Super' },
  darwin: MAC_SYMBOLS,
};

function modifierLabel(modifiers: readonly Modifier[], platform: Platform): string {
  if (platform === 'darwin') return MAC_ORDER.filter((modifier) => modifiers.includes(modifier)).map((modifier) => MAC_SYMBOLS[modifier]).filter((symbol, index, all) => all.indexOf(symbol) === index).join('');
  return PC_ORDER.filter((modifier) => modifiers.includes(modifier)).map((modifier) => PC_NAMES[platform][modifier]).filter((name, index, all) => all.indexOf(name) === index).join('+');
}

const MAC_KEYS: Record<string, string> = { Up: '↑', Down: '↓', Left: '←', Right: '→', Space: 'Space', Enter: '↩', Escape: 'Esc', Delete: '⌦', Backspace: '⌫', Tab: '⇥' };

/** "Ctrl+Alt+K" on Windows and Linux, "⌥⌘K" on macOS. */
export function displayAccelerator(text: string, platform: Platform): string {
  const parsed = parseAccelerator(text);
  if (!parsed.ok) return text;
  const { modifiers, key } = parsed.accelerator;
  if (platform === 'darwin') return `${modifierLabel(modifiers, platform)}${MAC_KEYS[key] ?? key}`;
  return `${modifierLabel(modifiers, platform)}+${key}`;
}
