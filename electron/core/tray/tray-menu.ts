/**
 * The tray's context menu as data: labels, accelerators hints and the action each item triggers.
 * create-tray.ts turns it into an Electron Menu; tests read it directly.
 */
export type TrayAction = 'show' | 'lock' | 'toggleAutoStart' | 'restartToUpdate' | 'quit';

export type TrayMenuItem =
  | { kind: 'action'; action: TrayAction; label: string; enabled: boolean }
  | { kind: 'checkbox'; action: TrayAction; label: string; checked: boolean }
  | { kind: 'separator' };

export interface TrayMenuState {
  vaultUnlocked: boolean;
  /** Null where the OS has no login items we can set (most Linux desktops without a .desktop entry). */
  autoStart: boolean | null;
  /** The global shortcut as people read it, or null when Traykey holds none. */
  shortcut: string | null;
  /** The saved shortcut the OS would not give Traykey, as people read it (Settings says why and what to do). */
  shortcutTaken: string | null;
  /** An update downloaded and waiting for a restart (with its version when the feed named one), or null. */
  updateReady: { version: string | null } | null;
}

export function trayMenu(state: TrayMenuState): TrayMenuItem[] {
  // A downloaded update waits for the person, so it comes first where they will see it.
  const update: TrayMenuItem[] = state.updateReady ? [{ kind: 'action', action: 'restartToUpdate', label: state.updateReady.version ? `Restart to Update (${state.updateReady.version})` : 'Restart to Update', enabled: true }, { kind: 'separator' }] : [];
  const items: TrayMenuItem[] = [
    ...update,
    { kind: 'action', action: 'show', label: state.shortcut ? `Show Traykey (${state.shortcut})` : 'Show Traykey', enabled: true },
    // Not silent: a shortcut that stopped working at start is named where a person looks for it.
    ...(state.shortcutTaken ? [{ kind: 'action', action: 'show', label: `Shortcut ${state.shortcutTaken} Is Taken: Change It in Settings`, enabled: false } satisfies TrayMenuItem] : []),
    { kind: 'action', action: 'lock', label: 'Lock Vault', enabled: state.vaultUnlocked },
    { kind: 'separator' },
  ];
  if (state.autoStart !== null) {
    items.push({ kind: 'checkbox', action: 'toggleAutoStart', label: 'Start at Login', checked: state.autoStart }, { kind: 'separator' });
  }
  items.push({ kind: 'action', action: 'quit', label: 'Quit Traykey', enabled: true });
  return items;
}
