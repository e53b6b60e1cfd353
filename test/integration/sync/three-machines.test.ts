import { afterEach, describe, expect, it } from 'vitest';
import { syncWorld, totp } from './sync-fixture';

let world: Awaited<ReturnType<typeof syncWorld>> | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('three computers sharing one sync folder', () => {
  it('converge on the same accounts after concurrent adds, renames, reorders, deletes and undos', async () => {
    world = await syncWorld();
    const [a, b, c] = [await world.machine('laptop'), await world.machine('desktop'), await world.machine('work')];
    await a.accounts.addUri(totp('GitHub', 'alice', 'JBSWY3DPEHPK3PXP'));
    await b.accounts.addUri(totp('Desktop', 'only-here', 'KRSXG5CTMVRXEZLU'));
    await a.sync.setup(world.folder);
    await world.pair(a, b);
    await world.pair(a, c);
    await world.settle();
    expect(b.names()).toEqual(a.names());
    expect(c.names()).toEqual(a.names());
    expect(a.names().sort()).toEqual(['Desktop:only-here', 'GitHub:alice']);

    // Concurrent edits on all three, before any of them syncs.
    const [github, desktop] = [a.accounts.query('alice')[0]!, a.accounts.query('only-here')[0]!];
    await a.accounts.addUri(totp('AWS', 'root', 'MFRGGZDFMZTWQ2LK'));
    await b.accounts.rename(github.id, 'GitHub', 'alice (older rename)');
    world.advance(1_000);
    await c.accounts.rename(github.id, 'GitHub', 'alice@work');
    const { undoToken } = await b.accounts.delete(desktop.id);
    await c.accounts.reorder([desktop.id, github.id]);
    await world.settle();
    expect(a.names().sort()).toEqual(['AWS:root', 'GitHub:alice@work']);
    expect(b.names()).toEqual(a.names());
    expect(c.names()).toEqual(a.names());

    // Undo on the deleting computer brings the account back everywhere.
    world.advance(1_000);
    await b.accounts.undoDelete(undoToken);
    await world.settle();
    expect(a.names().sort()).toEqual(['AWS:root', 'Desktop:only-here', 'GitHub:alice@work']);
    expect(c.names()).toEqual(a.names());
    expect(b.names()).toEqual(a.names());
    expect(a.accounts.reveal(desktop.id).secret).toBe('KRSXG5CTMVRXEZLU');

    const devices = a.sync.devices();
    expect(devices.map((device) => [device.name, device.thisDevice])).toEqual([['laptop', true], ['desktop', false], ['work', false]]);
    expect((await a.sync.status()).sentence).toBe('up to date');
  });

  it('a removed computer reads nothing written after its removal', async () => {
    world = await syncWorld();
    const [a, b, c] = [await world.machine('laptop'), await world.machine('desktop'), await world.machine('old')];
    await a.sync.setup(world.folder);
    await world.pair(a, b);
    await world.pair(a, c);
    await a.accounts.addUri(totp('GitHub', 'alice', 'JBSWY3DPEHPK3PXP'));
    await world.settle();
    expect(c.names()).toEqual(['GitHub:alice']);

    const oldId = c.sync.devices().find((device) => device.thisDevice)!.id;
    await a.sync.removeDevice(oldId);
    await a.accounts.addUri(totp('Bank', 'secret-account', 'MFRGGZDFMZTWQ2LK'));
    await world.settle();
    expect(b.names()).toEqual(['GitHub:alice', 'Bank:secret-account']);
    expect(c.names()).toEqual(['GitHub:alice']);
    expect((await c.sync.status()).sentence).toMatch(/removed from the sync group/);
    expect(a.sync.devices().find((device) => device.id === oldId)?.removed).toBe(true);
  });
});
