import type { Handlers } from '../../../shared/ipc';
import type { UpdateService } from '../updates/update-service';

export function updateHandlers(updates: UpdateService): Pick<Handlers, 'updates:status' | 'updates:check' | 'updates:restart'> {
  return {
    'updates:status': () => updates.current(),
    'updates:check': () => updates.checkNow(),
    'updates:restart': async () => {
      updates.restart();
      return {};
    },
  };
}
