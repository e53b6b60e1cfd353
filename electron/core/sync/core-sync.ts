import type { EventName } from '../../../shared/ipc';
import type { Timers } from '../capabilities';
import { SyncRunner } from './sync-runner';
import type { SyncService } from './sync-service';

/** Sync in the app's background: the runner over the composed service, telling the pages when sync's status or the accounts changed. */
export function runSync(service: SyncService, options: { timers: Timers; emit(event: EventName): void }): SyncRunner {
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
