import type { Handlers } from '../../../shared/ipc';
import type { CoreContext } from './core-context';

export function clockHandlers({ clockSkew }: CoreContext): Pick<Handlers, 'clock:status' | 'clock:check'> {
  return {
    'clock:status': async () => clockSkew.status(),
    'clock:check': () => clockSkew.check(),
  };
}
