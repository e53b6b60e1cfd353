import { appError } from '../../../shared/errors';
import type { Handlers } from '../../../shared/ipc';
import type { CoreContext } from './core-context';

/** Opening the app's other windows. The Admin window is for people who switched the Admin area on. */
export function windowsHandlers({ windows, settings }: CoreContext): Partial<Pick<Handlers, 'windows:openAdmin'>> {
  if (!windows) return {};
  return {
    'windows:openAdmin': async () => {
      if (!(await settings.get()).adminArea) throw appError('UNSUPPORTED', 'Switch on “Show the Admin area” in Settings to open the Admin window.');
      windows.openAdmin();
      return {};
    },
  };
}
