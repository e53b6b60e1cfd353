import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, EventName, RequestOf } from '../../../shared/ipc';
import { createCore, type Core } from '../../../electron/core/app-core';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import type { KeyStore } from '../../../electron/core/keychain/key-store';
import type { PowerEvent, PowerEvents, UserPresence } from '../../../electron/core/capabilities';
import { Vault } from '../../../electron/core/vault/vault';
import { virtualTime } from '../../support/fake-timers';
import { tempHome } from '../../support/temp-home';
import { FakeClipboard } from '../../support/fake-clipboard';

const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };
const PASSPHRASE = 'correct horse battery';
const MINUTE = 60_000;
const SECRET = 'JBSWY3DPEHPK3PXP';

function memoryKeyStore(): KeyStore & { reads: number } {
  const entries = new Map<string, string>();
  const store = {
    reads: 0,
    async get(service: string, account: string) {
      store.reads += 1;
      return entries.get(`${service}/${account}`) ?? null;
    },
    async set(service: string, account: string, secret: string) {
      entries.set(`${service}/${account}`, secret);
    },
    async delete(service: string, account: string) {
      return entries.delete(`${service}/${account}`);
    },
  };
  return store;
}

/** Lets the lock that a timer started finish its awaits. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) core.close();
});

/** The desktop's power events, fired by the test. */
function firedPower(): PowerEvents & { fire(event: PowerEvent): void } {
  const listeners = new Map<PowerEvent, Set<() => void>>();
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    fire(event) {
      for (const listener of [...(listeners.get(event) ?? [])]) listener();
    },
  };
}

async function start(options: { mode?: 'passphrase' | 'keychain'; presence?: UserPresence; keyStore?: KeyStore; power?: PowerEvents; clipboard?: FakeClipboard } = {}) {
  const home = await tempHome('lock');
  const time = virtualTime();
  const keyStore = options.keyStore ?? memoryKeyStore();
  const keySource = options.mode === 'keychain' ? { kind: 'keychain' as const, store: keyStore } : { kind: 'passphrase' as const, passphrase: PASSPHRASE };
  const vault = await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
  const core = createCore({ vault, home, now: time.now, timers: time.timers, watchVault: false, keyStore, ...(options.clipboard ? { clipboard: options.clipboard } : {}), ...(options.presence ? { presence: options.presence } : {}), ...(options.power ? { power: options.power } : {}) });
  cores.push(core);
  await core.lock.applySettings();
  const events: EventName[] = [];
  for (const name of ['vault:changed', 'accounts:changed'] as const) core.events.on(name, () => events.push(name));
  const call = <C extends Channel>(channel: C, request: RequestOf<C>) => dispatch(core.handlers, channel, request);
  await call('accounts:add', { issuer: 'Acme', label: 'bob', secret: SECRET });
  events.length = 0;
  return { core, time, events, call };
}

describe('locking the vault', () => {
  it('locks after the idle timeout and then hides codes until unlocked', async () => {
    const { core, time, events, call } = await start();
    time.advance(5 * MINUTE);
    await settle();
    expect(core.session.isOpen).toBe(false);
    expect(events).toContain('vault:changed');
    expect(await call('vault:status', {})).toMatchObject({ ok: true, value: { state: 'locked', accountCount: 0 } });
    expect(await call('accounts:codes', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await call('accounts:list', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });

    expect(await call('vault:unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true, value: { state: 'unlocked', accountCount: 1 } });
    expect(await call('accounts:codes', {})).toMatchObject({ ok: true });
  });

  it('postpones the idle lock on user calls but not on the renderer’s own polling', async () => {
    const { core, time, call } = await start();
    time.advance(4 * MINUTE);
    await call('accounts:list', {});
    time.advance(4 * MINUTE);
    expect(core.session.isOpen).toBe(true);
    for (let i = 0; i < 10; i += 1) {
      await call('accounts:codes', {});
      await call('vault:status', {});
      time.advance(10_000);
    }
    await settle();
    expect(core.session.isOpen).toBe(false);
  });

  it('reads the timeout from the settings and applies a change at once', async () => {
    const { core, time, call } = await start();
    expect(await call('settings:set', { lockAfterMinutes: 1 })).toMatchObject({ ok: true, value: { lockAfterMinutes: 1 } });
    time.advance(MINUTE);
    await settle();
    expect(core.session.isOpen).toBe(false);
  });

  it('never locks on idle when the timeout is 0', async () => {
    const { core, time, call } = await start();
    await call('settings:set', { lockAfterMinutes: 0 });
    time.advance(24 * 60 * MINUTE);
    expect(core.session.isOpen).toBe(true);
  });

  it('locks on screen lock and sleep, once, announcing vault:changed', async () => {
    const power = firedPower();
    const { core, events } = await start({ power });
    power.fire('lock-screen');
    await settle();
    power.fire('suspend');
    await settle();
    expect(core.session.isOpen).toBe(false);
    expect(events).toEqual(['vault:changed']);
  });

  it.each(['lock-screen', 'suspend'] as const)('clears a copied code on %s rather than leave it for whoever opens the session next', async (event) => {
    const power = firedPower();
    const clipboard = new FakeClipboard();
    const { core, call } = await start({ power, clipboard });
    const [account] = core.accounts.list();
    await call('accounts:copyCode', { id: account?.id ?? '' });
    expect(clipboard.current).toMatch(/^\d{6}$/);
    power.fire(event);
    await settle();
    expect(clipboard.current).toBe('');
  });

  it('leaves what the person copied after the code alone when it locks', async () => {
    const power = firedPower();
    const clipboard = new FakeClipboard();
    const { core, call } = await start({ power, clipboard });
    await call('accounts:copyCode', { id: core.accounts.list()[0]?.id ?? '' });
    await clipboard.writeText('my own text');
    power.fire('suspend');
    await settle();
    expect(clipboard.current).toBe('my own text');
  });

  it('refuses a wrong or missing passphrase and stays locked', async () => {
    const { core, call } = await start();
    await call('vault:lock', {});
    expect(await call('vault:unlock', { passphrase: 'wrong passphrase' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await call('vault:unlock', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'passphrase' } });
    expect(core.session.isOpen).toBe(false);
  });

  it('restarts the idle countdown after an unlock', async () => {
    const { core, time, call } = await start();
    await call('vault:lock', {});
    time.advance(30 * MINUTE);
    await call('vault:unlock', { passphrase: PASSPHRASE });
    time.advance(4 * MINUTE);
    expect(core.session.isOpen).toBe(true);
    time.advance(MINUTE);
    await settle();
    expect(core.session.isOpen).toBe(false);
  });
});

describe('unlocking a keychain-mode vault', () => {
  it('re-reads the key from the keychain once the OS confirmed the user', async () => {
    const keyStore = memoryKeyStore();
    const asked: string[] = [];
    const presence: UserPresence = { isAvailable: () => true, confirm: async (reason) => (asked.push(reason), true) };
    const { core, call } = await start({ mode: 'keychain', keyStore, presence });
    await call('vault:lock', {});
    const readsBefore = keyStore.reads;
    expect(await call('vault:unlock', {})).toMatchObject({ ok: true, value: { state: 'unlocked', mode: 'keychain' } });
    expect(asked).toHaveLength(1);
    expect(keyStore.reads).toBeGreaterThan(readsBefore);
    expect(core.session.isOpen).toBe(true);
  });

  it('stays locked when the user cancels Touch ID, without touching the keychain', async () => {
    const keyStore = memoryKeyStore();
    const { core, call } = await start({ mode: 'keychain', keyStore, presence: { isAvailable: () => true, confirm: async () => false } });
    await call('vault:lock', {});
    const readsBefore = keyStore.reads;
    expect(await call('vault:unlock', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(keyStore.reads).toBe(readsBefore);
    expect(core.session.isOpen).toBe(false);
  });

  it('goes straight to the keychain where the OS offers no user check', async () => {
    const { core, call } = await start({ mode: 'keychain', presence: { isAvailable: () => false, confirm: async () => false } });
    await call('vault:lock', {});
    expect(await call('vault:unlock', {})).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    expect(core.session.isOpen).toBe(true);
  });
});
