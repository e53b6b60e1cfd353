import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app-core';
import { Vault } from '../../../electron/core/vault/vault';
import { expectAppError } from '../../support/expect-app-error';
import { tempHome } from '../../support/temp-home';

const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };
const cores: Core[] = [];

afterEach(async () => {
  for (const core of cores.splice(0)) core.close();
});

async function app(root: string, name: string): Promise<Core> {
  const home = join(root, name);
  const vault = await Vault.open({ home, keySource: { kind: 'passphrase', passphrase: 'pw' }, unsafeTestScrypt: TEST_SCRYPT });
  const core = createCore({ vault, home, watchVault: false });
  cores.push(core);
  return core;
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((wait) => setTimeout(wait, 50));
  }
}

describe('sync in the running app (two cores, real watchers)', () => {
  it('sets up, pairs through the words, and shows an edit on one app on the other without a manual sync', async () => {
    const root = await tempHome('sync-app');
    const folder = join(root, 'Shared');
    const [a, b] = [await app(root, 'a'), await app(root, 'b')];
    expect((await a.handlers['sync:status']({})).health).toBe('off');
    const setUp = await a.handlers['sync:setup']({ folder });
    expect(setUp).toMatchObject({ health: 'up-to-date', sentence: 'up to date', folder });

    const offer = await a.handlers['sync:pair']({});
    expect(offer.words).toHaveLength(6);
    expect(offer.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const joined = await b.handlers['sync:join']({ folder, words: offer.words.join(' ') });
    expect(joined.devices.map((device) => device.thisDevice)).toEqual([true, false]);

    await a.handlers['accounts:addUri']({ uri: 'otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME' });
    const seen = await eventually(() => b.handlers['accounts:list']({}), (list) => list.length === 1);
    expect(seen.map((account) => account.label)).toEqual(['alice']);
    const [alice] = seen;
    await b.handlers['accounts:rename']({ id: alice!.id, issuer: 'ACME', label: 'alice@work' });
    const renamed = await eventually(() => a.handlers['accounts:list']({}), (list) => list[0]?.label === 'alice@work');
    expect(renamed[0]?.label).toBe('alice@work');
    const status = await eventually(() => a.handlers['sync:status']({}), (value) => value.health === 'up-to-date');
    expect(status.devices).toHaveLength(2);
  }, 60_000);

  it('speaks in the app’s words: Settings → Sync, never a command, an environment variable or a data file', async () => {
    const root = await tempHome('sync-app');
    const folder = join(root, 'Shared');
    const [a, b] = [await app(root, 'a'), await app(root, 'b')];
    const notSetUp = await expectAppError(() => a.handlers['sync:pair']({}), 'NOT_FOUND');
    expect(notSetUp.message).toBe('Sync is not set up on this computer: open Settings → Sync to start syncing or to join your other computer.');
    await a.handlers['sync:setup']({ folder });
    const taken = await expectAppError(() => b.handlers['sync:setup']({ folder }), 'DUPLICATE');
    expect(taken.field).toBe('folder');
    expect(taken.message).toBe(`The folder ${folder} already holds your accounts from another computer: join that group instead, with Pair a computer in Settings → Sync there and the six words it shows.`);
    const stranger = await expectAppError(() => a.handlers['sync:removeDevice']({ id: '0123456789abcdef' }), 'NOT_FOUND');
    for (const message of [notSetUp.message, taken.message, stranger.message]) expect(message).not.toMatch(/traykey |`|TRAYKEY_|\.tkv|\.tksync/);
  });
});
