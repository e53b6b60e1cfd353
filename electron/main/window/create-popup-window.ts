import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import { hardenWebContents } from './harden-session';
import { popupWebPreferences, popupWindowOptions } from './web-preferences';

/** The one place a window is made: the tray popup, hardened before its page loads. */
export function createPopupWindow(options: { preloadPath: string; devTools: boolean }): BrowserWindow {
  const window = new BrowserWindow(popupWindowOptions(popupWebPreferences(options)));
  hardenWebContents(window.webContents);
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
