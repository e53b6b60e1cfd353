import type { EventName } from '../../../shared/ipc';
import type { Timers } from '../capabilities';
import type { SyncVault } from './engine/sync-engine';
import { SyncRunner } from './sync-runner';
import { SyncService } from './sync-service';

export interface CoreSyncOptions {
  vault: SyncVault;
  home: string;
  now: () => number;
  timers: Timers;
  emit(event: EventName): void;
}

/** Sync for the app's core: the runner, telling the renderer when sync's status or the accounts changed. */
export function attachSync(options: CoreSyncOptions): SyncRunner {
  const service = new SyncService({ vault: options.vault, home: options.home, now: options.now });
  const runner = new SyncRunner({
    service,
    timers: options.timers,
    onChanged: ({ accounts }) => {
      options.emit('sync:changed');
      if (accounts) options.emit('accounts:changed');
    },
  });
  runner.start();
  return runner;
}
