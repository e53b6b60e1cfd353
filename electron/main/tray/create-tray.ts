import { Menu, Tray, nativeImage, nativeTheme } from 'electron';
import { trayIconFile } from '../../core/tray/tray-icon';
import { trayMenu, type TrayAction, type TrayMenuState } from '../../core/tray/tray-menu';

export interface TrayHandle {
  tray: Tray;
  /** Rebuild the context menu (vault locked/unlocked, start-at-login toggled). */
  refresh(state: TrayMenuState): void;
  destroy(): void;
}

/**
 * The tray icon. A left click toggles the popup; the context menu holds the rest. Linux
 * (AppIndicator) delivers no clicks, only the menu, so there the menu is attached permanently
 * and "Show Traykey" is its first item.
 */
export function createTray(options: {
  trayDir: string;
  initialState: TrayMenuState;
  onClick: () => void;
  onAction: (action: TrayAction) => void;
}): TrayHandle {
  const iconFor = () => {
    const image = nativeImage.createFromPath(trayIconFile({ platform: process.platform, darkPanel: nativeTheme.shouldUseDarkColors, trayDir: options.trayDir }));
    if (process.platform === 'darwin') image.setTemplateImage(true);
    return image;
  };
  const tray = new Tray(iconFor());
  tray.setToolTip('Traykey');

  let menu = Menu.buildFromTemplate([]);
  const refresh = (state: TrayMenuState) => {
    menu = Menu.buildFromTemplate(
      trayMenu(state).map((item) => {
        if (item.kind === 'separator') return { type: 'separator' as const };
        if (item.kind === 'checkbox') return { type: 'checkbox' as const, label: item.label, checked: item.checked, click: () => options.onAction(item.action) };
        return { label: item.label, enabled: item.enabled, click: () => options.onAction(item.action) };
      }),
    );
    if (process.platform === 'linux') tray.setContextMenu(menu);
  };
  refresh(options.initialState);

  tray.on('click', () => options.onClick());
  tray.on('right-click', () => tray.popUpContextMenu(menu));
  const onThemeChange = () => tray.setImage(iconFor());
  nativeTheme.on('updated', onThemeChange);

  return {
    tray,
    refresh,
    destroy: () => {
      nativeTheme.off('updated', onThemeChange);
      tray.destroy();
    },
  };
}
