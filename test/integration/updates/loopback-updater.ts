import { request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { configureRequestOptions, configureRequestUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime';
import { DebUpdater } from 'electron-updater';
import type { AppUpdaterLike } from '../../../electron/core/updates/electron-updater-adapter';
import { tempHome } from '../../support/temp-home';

/**
 * electron-updater's DebUpdater as it runs inside the packaged app, with Node's http in place of Electron's
 * net module (the only part that needs Electron): checking, downloading and verifying checksums are its own.
 * Loopback only.
 */
class NodeDownloadExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    return httpRequest(options, callback);
  }

  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(requestOptions, { destination, options, onCancel, callback: (error) => (error == null ? resolve(destination) : reject(error)), responseHandler: null }, 0);
    });
  }
}

/** An installed Traykey of `version` whose app-update.yml (as electron-builder writes it) names the feed; its folder goes when the test finishes. */
export async function loopbackUpdater(version: string, feedUrl: string): Promise<{ updater: AppUpdaterLike }> {
  const dir = await tempHome('update');
  await writeFile(join(dir, 'app-update.yml'), `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: traykey-updater\n`);
  const app = {
    version,
    name: 'Traykey',
    isPackaged: true,
    appUpdateConfigPath: join(dir, 'app-update.yml'),
    userDataPath: dir,
    baseCachePath: dir,
    whenReady: async () => undefined,
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
  const updater = new DebUpdater(undefined, app);
  Object.assign(updater, { httpExecutor: new NodeDownloadExecutor(), logger: null });
  return { updater: updater as unknown as AppUpdaterLike };
}
