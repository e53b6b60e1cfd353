/**
 * The popup's webPreferences: the renderer gets no Node, runs sandboxed in an isolated world, and
 * reaches main only through the preload's bridge. The literal types make a weakened flag a type error.
 */
export interface PopupWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  spellcheck: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  devTools: boolean;
}

export function popupWebPreferences(options: { preloadPath: string; devTools: boolean }): PopupWebPreferences {
  return {
    preload: options.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: options.devTools,
  };
}

/** The popup's size and chrome: frameless, never in the taskbar, shown only when placed. */
export const POPUP_SIZE = { width: 360, height: 520 } as const;

export function popupWindowOptions(webPreferences: PopupWebPreferences) {
  return {
    width: POPUP_SIZE.width,
    height: POPUP_SIZE.height,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    title: 'Traykey',
    webPreferences,
  } as const;
}

/** The Admin window's chrome: a normal titled window in the taskbar, resizable down to its minimum. */
export function adminWindowOptions(webPreferences: PopupWebPreferences, size: { width: number; height: number }, minSize: { width: number; height: number }) {
  return {
    width: size.width,
    height: size.height,
    minWidth: minSize.width,
    minHeight: minSize.height,
    show: false,
    resizable: true,
    autoHideMenuBar: true,
    title: 'Traykey Admin',
    webPreferences,
  } as const;
}
