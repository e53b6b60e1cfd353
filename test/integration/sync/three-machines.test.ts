import { afterEach, describe, expect, it } from 'vitest';
import { parseKeyUri } from '../../../electron/core/otp/key-uri';
import { syncWorld, totp } from './sync-fixture';

let world: Awaited<ReturnType<typeof syncWorld>> | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** A new world where the laptop started a group and paired the desktop and a third computer. */
async function groupOfThree(third: string) {
  const current = await syncWorld();
  world = current;
  const machines = [await current.machine('laptop'), await current.machine('desktop'), await current.machine(third)] as const;
  await machines[0].sync.setup(current.folder);
  await current.pair(machines[0], machines[1]);
  await current.pair(machines[0], machines[2]);
  return { world: current, machines };
}

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
    const { world, machines: [a, b, c] } = await groupOfThree('old');
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

  it('the same account added on two computers before either synced becomes one account on all of them, with its tags and highest counter', async () => {
    const { world, machines: [a, b, c] } = await groupOfThree('work');
    await world.settle();
    const hotp = 'otpauth://hotp/Bank:alice?secret=JBSWY3DPEHPK3PXP&issuer=Bank&counter=0';
    const first = await a.accounts.addUri(hotp);
    await a.accounts.nextHotp(first.id);
    await a.accounts.nextHotp(first.id);
    world.advance(1_000);
    const second = await b.accounts.insert(parseKeyUri(hotp), ['money']);
    // Same secret under another name is a different account to the person: it stays.
    await c.accounts.addUri(totp('Bank', 'alice (old phone)', 'JBSWY3DPEHPK3PXP'));
    await world.settle();
    for (const machine of [a, b, c]) {
      expect(machine.names().sort()).toEqual(['Bank:alice', 'Bank:alice (old phone)']);
      const bank = machine.accounts.list().find((account) => account.label === 'alice')!;
      // The one added first stays, with the other's tag and the counter that never goes back.
      expect(bank.id).toBe(first.id);
      expect(bank.tags).toEqual(['money']);
      expect(machine.accounts.reveal(bank.id).uri).toContain('counter=2');
    }
    expect(b.accounts.list().some((account) => account.id === second.id)).toBe(false);
    expect((await a.sync.status()).sentence).toBe('up to date');
  });
});
