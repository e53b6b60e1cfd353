import { appError } from '../../../shared/errors';
import type { Handlers } from '../../../shared/ipc';
import type { CoreContext } from './core-context';

/** Hiding the popup and opening the app's other windows. The Admin window is for people who switched the Admin area on. */
export function windowsHandlers({ windows, settings }: CoreContext): Partial<Pick<Handlers, 'windows:openAdmin' | 'windows:hidePopup'>> {
  if (!windows) return {};
  return {
    'windows:hidePopup': async () => {
      windows.hidePopup();
      return {};
    },
    'windows:openAdmin': async () => {
      if (!(await settings.get()).adminArea) throw appError('UNSUPPORTED', 'Switch on “Show the Admin area” in Settings to open the Admin window.');
      windows.openAdmin();
      return {};
    },
  };
}
