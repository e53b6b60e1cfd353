import { appError } from '../../../shared/errors';
import type { Handlers } from '../../../shared/ipc';
import type { SyncStatusView } from '../../../shared/ipc/sync';
import type { CoreContext } from '../handlers/core-context';
import type { SyncRunner } from './sync-runner';
import type { SyncStatus } from './sync-service';

type SyncHandlers = Pick<Handlers, Extract<keyof Handlers, `sync:${string}`>>;

function view(sync: SyncRunner, status: SyncStatus): SyncStatusView {
  let devices: SyncStatusView['devices'] = [];
  try {
    devices = sync.devices();
  } catch {
    // A locked vault: no device list until it opens.
  }
  return { health: status.health, sentence: status.sentence, ...(status.folder ? { folder: status.folder } : {}), pending: status.pending, devices };
}

/** The sync channels: thin over SyncRunner, which the CLI's SyncService also sits under. */
export function syncHandlers({ sync, dialogs }: CoreContext): SyncHandlers {
  return {
    'sync:chooseFolder': async () => {
      if (!dialogs) throw appError('UNSUPPORTED', 'Choosing a folder needs the desktop app; type the folder’s full path instead.');
      return { folder: await dialogs.chooseFolder({ title: 'Choose the folder to sync your accounts through' }) };
    },
    'sync:status': async () => view(sync, await sync.refreshStatus()),
    'sync:setup': async ({ folder }) => view(sync, await sync.setup(folder)),
    'sync:pair': () => sync.pair(),
    'sync:cancelPair': async () => {
      sync.cancelPairing();
      return {};
    },
    'sync:join': async ({ folder, words }) => view(sync, await sync.join(folder, words)),
    'sync:now': async () => view(sync, await sync.syncNow()),
    'sync:removeDevice': async ({ id }) => view(sync, await sync.removeDevice(id)),
  };
}
