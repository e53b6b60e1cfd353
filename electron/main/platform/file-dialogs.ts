import { dialog, type BrowserWindow } from 'electron';
import type { FileDialogs } from '../../core/capabilities';

/**
 * The OS's open and save dialogs, attached to the popup when it is there. `onOpenChange` tells main a
 * dialog is up, so the popup's hide-on-blur does not hide the window the dialog belongs to.
 */
export function electronFileDialogs(parent: () => BrowserWindow | null, onOpenChange: (open: boolean) => void): FileDialogs {
  const whileOpen = async <T>(show: (window: BrowserWindow | null) => Promise<T>): Promise<T> => {
    onOpenChange(true);
    try {
      return await show(parent());
    } finally {
      onOpenChange(false);
    }
  };
  return {
    chooseFileToOpen: ({ title, filters }) =>
      whileOpen(async (window) => {
        const options = { title, filters, properties: ['openFile' as const] };
        const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      }),
    chooseFileToSave: ({ title, defaultName, filters }) =>
      whileOpen(async (window) => {
        const options = { title, defaultPath: defaultName, filters };
        const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      }),
    chooseFolder: ({ title }) =>
      whileOpen(async (window) => {
        const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
        const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      }),
  };
}
