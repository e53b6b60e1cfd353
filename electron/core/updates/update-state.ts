import type { UpdateStatus } from '../../../shared/ipc/updates';

/** What the updater reports, in the order it reports it. */
export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string };

export const INITIAL_UPDATE_STATUS: UpdateStatus = { state: 'idle', message: 'Traykey has not checked for updates yet.' };

/** The next status after an updater event: what the person is told, in one sentence. */
export function nextUpdateStatus(current: UpdateStatus, event: UpdaterEvent, checkedAt: number): UpdateStatus {
  switch (event.type) {
    case 'checking':
      // A check while an update waits for a restart does not hide the waiting update.
      return current.state === 'ready' ? current : { state: 'checking', message: 'Checking for updates…' };
    case 'available':
      return { state: 'downloading', version: event.version, percent: 0, message: `Downloading Traykey ${event.version}…` };
    case 'not-available':
      return current.state === 'ready' ? current : { state: 'up-to-date', checkedAt, message: 'Traykey is up to date.' };
    case 'progress': {
      if (current.state !== 'downloading') return current;
      const percent = Math.max(0, Math.min(100, Math.round(event.percent)));
      return { ...current, percent, message: `Downloading Traykey ${current.version ?? ''}… ${percent}%`.replace('  ', ' ') };
    }
    case 'downloaded':
      return { state: 'ready', version: event.version, message: `Traykey ${event.version} is ready: restart to update.` };
    case 'error':
      return current.state === 'ready' ? current : { state: 'error', checkedAt, message: event.message };
  }
}
