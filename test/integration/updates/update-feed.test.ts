import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../shared/ipc/updates';
import { DEFAULT_SETTINGS } from '../../../electron/core/settings/settings-store';
import { electronUpdater } from '../../../electron/core/updates/electron-updater-adapter';
import { UpdateService } from '../../../electron/core/updates/update-service';
import { loopbackUpdater } from './loopback-updater';

const PACKAGE = Buffer.from('a Traykey release for this test '.repeat(2048));
const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

/** latest-linux.yml as electron-builder publishes it for a deb release. */
function feed(version: string, checksum = sha512(PACKAGE)): string {
  const file = `traykey_${version}_amd64.deb`;
  return `version: ${version}\nfiles:\n  - url: ${file}\n    sha512: ${checksum}\n    size: ${PACKAGE.length}\npath: ${file}\nsha512: ${checksum}\nreleaseDate: '2026-12-01T00:00:00.000Z'\n`;
}

describe('updates from a loopback feed, through electron-updater', () => {
  let server: Server;
  let serve: { yml?: string } = {};
  let base: string;

  beforeEach(async () => {
    serve = {};
    server = createServer((request, response) => {
      if (request.url?.startsWith('/latest-linux.yml') && serve.yml) return void response.end(serve.yml);
      if (request.url?.endsWith('_amd64.deb')) return void response.end(PACKAGE);
      response.statusCode = 404;
      response.end('not here');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  async function checkAs(version: string): Promise<UpdateStatus> {
    const { updater } = await loopbackUpdater(version, base);
    let settled: (status: UpdateStatus) => void = () => undefined;
    const done = new Promise<UpdateStatus>((resolve) => (settled = resolve));
    const service: UpdateService = new UpdateService({
      updater: electronUpdater(updater, base),
      settings: async () => DEFAULT_SETTINGS,
      policy: () => ({}),
      timers: { setTimeout: () => 0, clearTimeout: () => undefined },
      now: () => 1_000,
      emit: () => {
        void service.current().then((status) => {
          if (['ready', 'up-to-date', 'error'].includes(status.state)) settled(status);
        });
      },
    });
    await service.checkNow();
    return Promise.race([done, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no final state within 10 s')), 10_000))]);
  }

  it('downloads and verifies a newer version, then offers to restart', async () => {
    serve.yml = feed('0.2.0');
    expect(await checkAs('0.1.0')).toEqual({ state: 'ready', version: '0.2.0', message: 'Traykey 0.2.0 is ready: restart to update.' });
  });

  it('says it is up to date when the feed has the running version', async () => {
    serve.yml = feed('0.1.0');
    expect(await checkAs('0.1.0')).toMatchObject({ state: 'up-to-date', message: 'Traykey is up to date.' });
  });

  it('discards a download whose checksum does not match the feed', async () => {
    const wrong = sha512(Buffer.from('something else'));
    serve.yml = feed('0.2.0', wrong);
    expect(await checkAs('0.1.0')).toMatchObject({ state: 'error', message: 'The downloaded update did not match its published checksum, so Traykey discarded it; it will try again later.' });
  });

  it('reports a feed that is not there without server text', async () => {
    expect(await checkAs('0.1.0')).toMatchObject({ state: 'error', message: 'The update server has no release information for this channel; Traykey will try again later.' });
  });
});

describe('the update feed address', () => {
  it('is refused over plain http to another machine, before anything is sent', async () => {
    const { updater } = await loopbackUpdater('0.1.0', 'http://updates.example.com/');
    expect(() => electronUpdater(updater, 'http://updates.example.com/traykey/')).toThrow(expect.objectContaining({ code: 'INSECURE_TRANSPORT' }));
  });
});
