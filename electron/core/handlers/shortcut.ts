import type { Handlers } from '../../../shared/ipc';
import type { CoreContext } from './core-context';

/** The global shortcut; absent where there is none to set (the CLI). */
export function shortcutHandlers({ shortcut }: CoreContext): Partial<Pick<Handlers, 'shortcut:status' | 'shortcut:set' | 'shortcut:listen'>> {
  if (!shortcut) return {};
  return {
    'shortcut:status': async () => shortcut.status(),
    'shortcut:set': ({ accelerator }) => shortcut.set(accelerator),
    'shortcut:listen': ({ listening }) => shortcut.listen(listening),
  };
}
