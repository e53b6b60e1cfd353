import type { Settings } from '../../../shared/ipc/settings';
import { requireSecureTransport } from '../idp/http/transport-policy';
import type { Updater } from './update-service';
import type { UpdaterEvent } from './update-state';

/**
 * The part of electron-updater's AppUpdater Traykey uses. The app passes `autoUpdater`; the integration
 * tests pass a DebUpdater over a loopback feed, so the checksum checks under test are electron-updater's own.
 */
export interface AppUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  channel: string | null;
  setFeedURL(options: { provider: 'generic'; url: string; channel?: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
  on(event: string, listener: (...args: never[]) => void): unknown;
}

/** electron-updater's errors carry server text and paths; people get a sentence that says what to expect. */
export function updateErrorSentence(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (/sha512 checksum mismatch|checksum mismatch/i.test(message)) return 'The downloaded update did not match its published checksum, so Traykey discarded it; it will try again later.';
  if (/not signed by the application owner|signature/i.test(message)) return 'The downloaded update is not signed by Traykey’s publisher, so it was not installed.';
  if (status === 404 || /\b404\b/.test(message)) return 'The update server has no release information for this channel; Traykey will try again later.';
  return 'Traykey could not check for updates; it will try again later.';
}

const versionOf = (info: unknown) => String((info as { version?: unknown } | null)?.version ?? '').slice(0, 64);

/** Wraps an AppUpdater that downloads in the background and verifies what it downloads (checksums, and on Windows the publisher's signature). */
export function electronUpdater(appUpdater: AppUpdaterLike, feedUrl: string): Updater {
  const feed = requireSecureTransport(feedUrl).toString();
  appUpdater.autoDownload = true;
  appUpdater.autoInstallOnAppQuit = true;
  appUpdater.allowDowngrade = false;
  const listeners = new Set<(event: UpdaterEvent) => void>();
  const emit = (event: UpdaterEvent) => {
    for (const listener of listeners) listener(event);
  };
  appUpdater.on('checking-for-update', () => emit({ type: 'checking' }));
  appUpdater.on('update-available', (info: never) => emit({ type: 'available', version: versionOf(info) }));
  appUpdater.on('update-not-available', () => emit({ type: 'not-available' }));
  appUpdater.on('download-progress', (progress: never) => emit({ type: 'progress', percent: Number((progress as { percent?: unknown }).percent) || 0 }));
  appUpdater.on('update-downloaded', (info: never) => emit({ type: 'downloaded', version: versionOf(info) }));
  appUpdater.on('error', (error: never) => emit({ type: 'error', message: updateErrorSentence(error) }));
  return {
    async check(channel: Settings['updateChannel']) {
      appUpdater.setFeedURL({ provider: 'generic', url: feed, channel });
      appUpdater.channel = channel;
      // Failures arrive as 'error' events too, so the rejections (the check's, and the background download's,
      // which would otherwise go unhandled in main) add nothing to tell.
      const result = (await appUpdater.checkForUpdates().catch(() => null)) as { downloadPromise?: Promise<unknown> | null } | null;
      void result?.downloadPromise?.catch(() => undefined);
    },
    quitAndInstall: () => appUpdater.quitAndInstall(),
    onEvent: (listener) => void listeners.add(listener),
  };
}
