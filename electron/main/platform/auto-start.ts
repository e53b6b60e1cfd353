import { app } from 'electron';
import type { AutoStart } from '../../core/capabilities';
import { linuxAutostart } from '../../core/auto-start/linux-autostart';

/**
 * Start at login, opt-in: nothing is registered until the user ticks "Start at Login".
 * macOS and Windows use the OS's login items; Linux an XDG autostart entry pointing at the
 * AppImage (when run from one) or the installed executable.
 */
export function electronAutoStart(): AutoStart {
  if (process.platform === 'darwin' || process.platform === 'win32') {
    return {
      isSupported: () => app.isPackaged,
      isEnabled: () => app.getLoginItemSettings().openAtLogin,
      setEnabled: (enabled) => app.setLoginItemSettings({ openAtLogin: enabled }),
    };
  }
  const executable = process.env.APPIMAGE ?? process.execPath;
  const linux = linuxAutostart({ env: process.env, command: [executable] });
  return {
    isSupported: () => process.platform === 'linux' && app.isPackaged,
    isEnabled: () => linux.isEnabled(),
    setEnabled: (enabled) => linux.setEnabled(enabled),
  };
}
