import { BrowserWindow } from 'electron';
import type { Size } from '../../core/windows/remembered-size';
import { ADMIN_ENTRY_URL, APP_ENTRY_URL } from '../../core/windows/app-origin';
import { hardenWebContents } from './harden-session';
import { adminWindowOptions, popupWebPreferences, popupWindowOptions } from '../../core/windows/web-preferences';

interface WindowOptions {
  preloadPath: string;
  devTools: boolean;
}

/** The one place windows are made, each hardened before its page loads. The tray popup: */
export function createPopupWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow(popupWindowOptions(popupWebPreferences(options)));
  hardenWebContents(window.webContents);
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** The Admin window: an ordinary resizable window with the same locked-down page settings as the popup. */
export function createAdminWindow(options: WindowOptions & { size: Size; minSize: Size }): BrowserWindow {
  const window = new BrowserWindow(adminWindowOptions(popupWebPreferences(options), options.size, options.minSize));
  hardenWebContents(window.webContents);
  void window.loadURL(ADMIN_ENTRY_URL);
  return window;
}
