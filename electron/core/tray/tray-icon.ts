import { join } from 'node:path';

/**
 * Which tray image to load. macOS gets a template image (black + alpha) that the menu bar tints
 * itself; Windows and Linux get a glyph that contrasts with the panel's theme. Electron picks the
 * @2x file on high-density screens by itself.
 */
export function trayIconFile(options: { platform: NodeJS.Platform; darkPanel: boolean; trayDir: string }): string {
  if (options.platform === 'darwin') return join(options.trayDir, 'iconTemplate.png');
  return join(options.trayDir, options.darkPanel ? 'tray-on-dark.png' : 'tray-on-light.png');
}

/** The icons ship as extraResources (`<resources>/tray`); in development they are read from build/tray. */
export function trayIconDir(options: { packaged: boolean; resourcesPath: string; appPath: string }): string {
  return options.packaged ? join(options.resourcesPath, 'tray') : join(options.appPath, 'build', 'tray');
}
