/**
 * Shortcuts Traykey will not take, each with the sentence that says why: a global shortcut wins over
 * every app, so taking Ctrl+C would stop copying everywhere, and taking one of the popup's own keys
 * would make that key close the popup. The OS has the last word (it refuses what another app holds);
 * this table catches, before asking it, the combinations people would regret.
 */
import { displayAccelerator, parseAccelerator, type AcceleratorResult, type Modifier, type Platform } from './accelerator';

/** The keys physically pressed: Cmd and Ctrl are one key on Windows and Linux, and Super is Cmd on a Mac. */
type Physical = 'Cmd' | 'Ctrl' | 'Alt' | 'Shift' | 'Super';

const PHYSICAL: Record<Platform, Record<Modifier, Physical>> = {
  darwin: { CommandOrControl: 'Cmd', Command: 'Cmd', Super: 'Cmd', Control: 'Ctrl', Alt: 'Alt', Shift: 'Shift' },
  win32: { CommandOrControl: 'Ctrl', Control: 'Ctrl', Command: 'Super', Super: 'Super', Alt: 'Alt', Shift: 'Shift' },
  linux: { CommandOrControl: 'Ctrl', Control: 'Ctrl', Command: 'Super', Super: 'Super', Alt: 'Alt', Shift: 'Shift' },
};

const ORDER: Physical[] = ['Cmd', 'Ctrl', 'Alt', 'Shift', 'Super'];

function physicalKeys(modifiers: readonly Modifier[], key: string, platform: Platform): string {
  const held = new Set(modifiers.map((modifier) => PHYSICAL[platform][modifier]));
  return [...ORDER.filter((modifier) => held.has(modifier)), key].join('+');
}

/** Every app's own editing keys, with the primary modifier (Cmd on a Mac, Ctrl elsewhere). */
const EVERY_APP: Record<string, string> = {
  A: 'selects all',
  C: 'copies',
  V: 'pastes',
  X: 'cuts',
  Z: 'undoes',
  S: 'saves',
  F: 'finds',
  P: 'prints',
  N: 'opens a new window',
  O: 'opens a file',
  T: 'opens a tab',
  W: 'closes a window',
  Q: 'quits',
};

/** Keys the popup answers itself (renderer/navigation/use-popup-keys.ts, accounts/use-list-keyboard.ts). */
const IN_TRAYKEY: [string, string][] = [
  ...['1', '2', '3', '4', '5'].map((digit): [string, string] => [`primary+${digit}`, 'opens a section of the popup']),
  ['primary+I', 'opens an account’s details'],
  ['Alt+Up', 'moves an account up the list'],
  ['Alt+Down', 'moves an account down the list'],
];

/** What each system keeps for itself, by physical keys. */
const SYSTEM: Record<Platform, { where: string; keys: [string, string][] }> = {
  darwin: {
    where: 'on a Mac',
    keys: [
      ['Cmd+Tab', 'switches apps'],
      ['Cmd+Space', 'opens Spotlight'],
      ['Ctrl+Space', 'switches the input source'],
      ['Cmd+H', 'hides the front app'],
      ['Cmd+M', 'minimises a window'],
      ['Cmd+Alt+Escape', 'opens Force Quit'],
      ['Cmd+Ctrl+Q', 'locks the screen'],
      ['Cmd+Shift+3', 'takes a screenshot'],
      ['Cmd+Shift+4', 'takes a screenshot'],
      ['Cmd+Shift+5', 'opens the screenshot tools'],
      ['Ctrl+Up', 'opens Mission Control'],
      ['Ctrl+Down', 'shows the app’s windows'],
    ],
  },
  win32: {
    where: 'in Windows',
    keys: [
      ['Alt+Tab', 'switches windows'],
      ['Alt+F4', 'closes a window'],
      ['Alt+Escape', 'cycles through windows'],
      ['Alt+Space', 'opens a window’s menu'],
      ['Ctrl+Escape', 'opens Start'],
      ['Ctrl+Shift+Escape', 'opens Task Manager'],
      ['Ctrl+Alt+Delete', 'opens the security screen'],
    ],
  },
  linux: {
    where: 'on most Linux desktops',
    keys: [
      ['Alt+Tab', 'switches windows'],
      ['Alt+F4', 'closes a window'],
      ['Alt+F2', 'runs a command'],
      ['Alt+Space', 'opens a window’s menu'],
      ['Ctrl+Alt+Delete', 'logs out'],
      ['Ctrl+Alt+T', 'opens a terminal'],
      ['Ctrl+Alt+L', 'locks the screen'],
      ['Ctrl+Alt+Up', 'switches workspaces'],
      ['Ctrl+Alt+Down', 'switches workspaces'],
      ['Ctrl+Alt+Left', 'switches workspaces'],
      ['Ctrl+Alt+Right', 'switches workspaces'],
      ['Super+L', 'locks the screen'],
      ...Array.from({ length: 12 }, (_, index): [string, string] => [`Ctrl+Alt+F${index + 1}`, 'switches to a text console']),
    ],
  },
};

function primary(platform: Platform): Physical {
  return platform === 'darwin' ? 'Cmd' : 'Ctrl';
}

/** Why Traykey will not take this shortcut here, in one sentence; null when nothing known holds it. */
export function reservedShortcutReason(text: string, platform: Platform): string | null {
  const parsed = parseAccelerator(text);
  if (!parsed.ok) return null;
  const { modifiers, key } = parsed.accelerator;
  const pressed = physicalKeys(modifiers, key, platform);
  const shown = displayAccelerator(parsed.text, platform);
  const usePrimary = (keys: string) => keys.replace('primary', primary(platform));

  const everyApp = EVERY_APP[key];
  if (everyApp && pressed === `${primary(platform)}+${key}`) return `${shown} ${everyApp} in every app, so Traykey leaves it to them: choose another shortcut.`;
  if (pressed === `${primary(platform)}+Shift+Z`) return `${shown} redoes in every app, so Traykey leaves it to them: choose another shortcut.`;
  const own = IN_TRAYKEY.find(([keys]) => usePrimary(keys) === pressed);
  if (own) return `${shown} ${own[1]} inside Traykey, so it cannot also open Traykey: choose another shortcut.`;
  const system = SYSTEM[platform];
  const held = system.keys.find(([keys]) => keys === pressed);
  if (held) return `${shown} ${held[1]} ${system.where}, so Traykey cannot take it: choose another shortcut.`;
  // Windows keeps nearly every Win+key for itself (Win+L, Win+D, Win+E, …).
  if (platform === 'win32' && /^Super\+[^+]+$|^Shift\+Super\+[^+]+$/.test(pressed)) return `Windows keeps ${shown} and most Win shortcuts for itself: add Ctrl or Alt, or choose another shortcut.`;
  return null;
}

/** A shortcut Traykey may register here: well formed and not reserved. */
export function usableShortcut(text: string, platform: Platform): AcceleratorResult {
  const parsed = parseAccelerator(text);
  if (!parsed.ok) return parsed;
  const reason = reservedShortcutReason(parsed.text, platform);
  return reason ? { ok: false, message: reason } : parsed;
}
