import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export const APP_FOLDER = 'Traykey';

export type Env = Record<string, string | undefined>;

/**
 * The folder holding the vault and settings: TRAYKEY_HOME when set, else the OS's per-user app-data folder
 * (Linux honours XDG_CONFIG_HOME, as the Electron app's own userData folder does).
 */
export function dataHome(env: Env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  const explicit = env.TRAYKEY_HOME?.trim();
  if (explicit) return explicit;
  if (platform === 'win32') {
    const appData = env.APPDATA || win32.join(env.USERPROFILE || home, 'AppData', 'Roaming');
    return win32.join(appData, APP_FOLDER);
  }
  const userHome = env.HOME || home;
  if (platform === 'darwin') return posix.join(userHome, 'Library', 'Application Support', APP_FOLDER);
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = env.XDG_CONFIG_HOME;
  const configHome = xdg && posix.isAbsolute(xdg) ? xdg : posix.join(userHome, '.config');
  return posix.join(configHome, APP_FOLDER);
}
