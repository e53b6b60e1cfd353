import type { Handlers } from '../../../shared/ipc';
import type { CoreContext } from './core-context';

export function settingsHandlers({ settings }: CoreContext): Pick<Handlers, 'settings:get' | 'settings:set'> {
  return {
    'settings:get': () => settings.get(),
    'settings:set': (change) => settings.set(change),
  };
}
