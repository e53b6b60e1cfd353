/**
 * electron/main/ipc/register-ipc.ts and electron/preload/preload.ts run here against a stand-in `electron` module (the real
 * one needs the Electron binary): this checks their wiring, not Electron itself.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channels, EVENTS, methodName, type Handlers } from '../../../shared/ipc';
import { APP_ENTRY_URL } from '../../../electron/core/windows/app-origin';

type InvokeHandler = (event: unknown, payload: unknown) => Promise<unknown>;
const fake = vi.hoisted(() => ({
  handled: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  exposed: [] as [string, unknown][],
  invoked: [] as [string, unknown][],
  listeners: new Map<string, ((...args: unknown[]) => void)[]>(),
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: InvokeHandler) => {
      if (fake.handled.has(channel)) throw new Error(`second handler for ${channel}`);
      fake.handled.set(channel, handler);
    },
    removeHandler: (channel: string) => fake.handled.delete(channel),
  },
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => fake.exposed.push([name, api]) },
  ipcRenderer: {
    invoke: async (channel: string, payload: unknown) => {
      fake.invoked.push([channel, payload]);
      return { ok: true, value: null };
    },
    on: (event: string, listener: (...args: unknown[]) => void) => fake.listeners.set(event, [...(fake.listeners.get(event) ?? []), listener]),
    removeListener: (event: string, listener: (...args: unknown[]) => void) =>
      fake.listeners.set(event, (fake.listeners.get(event) ?? []).filter((l) => l !== listener)),
  },
}));

function frameEvent(url: string, isMainFrame = true) {
  const frame = { url, parent: isMainFrame ? null : {}, isDestroyed: () => false };
  return { senderFrame: frame, sender: {} };
}

describe('register-ipc.ts', () => {
  const calls: string[] = [];
  const handlers = Object.fromEntries(channels.map((channel) => [channel, async () => { calls.push(channel); return channel === 'accounts:list' ? [] : {}; }])) as unknown as Handlers;

  beforeEach(() => {
    fake.handled.clear();
    calls.length = 0;
  });

  it('registers exactly the contract’s channels, once each, and removes them again', async () => {
    const { registerIpc } = await import('../../../electron/main/ipc/register-ipc');
    const unregister = registerIpc(handlers);
    expect([...fake.handled.keys()].sort()).toEqual([...channels].sort());
    unregister();
    expect(fake.handled.size).toBe(0);
  });

  it('answers a call from our page through the dispatcher', async () => {
    const { registerIpc } = await import('../../../electron/main/ipc/register-ipc');
    registerIpc(handlers);
    await expect(fake.handled.get('accounts:list')?.(frameEvent(APP_ENTRY_URL), {})).resolves.toEqual({ ok: true, value: [] });
    expect(calls).toEqual(['accounts:list']);
  });

  it('refuses an iframe or a foreign page with FORBIDDEN_SENDER without running the handler', async () => {
    const { registerIpc } = await import('../../../electron/main/ipc/register-ipc');
    registerIpc(handlers);
    for (const event of [frameEvent(APP_ENTRY_URL, false), frameEvent('https://evil.example/'), { senderFrame: null, sender: {} }]) {
      await expect(fake.handled.get('accounts:reveal')?.(event, { id: 'x' })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    }
    expect(calls).toEqual([]);
  });

  it('leaves payload validation to the contract (an invalid payload never reaches the handler)', async () => {
    const { registerIpc } = await import('../../../electron/main/ipc/register-ipc');
    registerIpc(handlers);
    await expect(fake.handled.get('accounts:rename')?.(frameEvent(APP_ENTRY_URL), { id: 'x', extra: true })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(calls).toEqual([]);
  });
});

describe('preload.ts', () => {
  it('exposes one object, traykey, with one method per channel plus on', async () => {
    await import('../../../electron/preload/preload');
    expect(fake.exposed.map(([name]) => name)).toEqual(['traykey']);
    const api = fake.exposed[0]?.[1] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...channels.map((c) => methodName(c)), 'on'].sort());
  });

  it('invokes the channel for each method and relays contract events without the IPC event', async () => {
    await import('../../../electron/preload/preload');
    const api = fake.exposed[0]?.[1] as Record<string, (...args: unknown[]) => unknown>;
    await api.accountsDelete?.({ id: 'a1' });
    expect(fake.invoked).toContainEqual(['accounts:delete', { id: 'a1' }]);
    const listener = vi.fn();
    const off = api.on?.(EVENTS[0], listener) as () => void;
    for (const deliver of fake.listeners.get(EVENTS[0]) ?? []) deliver({ sender: 'ipcRenderer object' }, 'extra');
    expect(listener).toHaveBeenCalledWith();
    off();
    expect(fake.listeners.get(EVENTS[0])).toEqual([]);
    const codes = vi.fn();
    api.on?.('popup:codes', codes);
    for (const deliver of fake.listeners.get('popup:codes') ?? []) deliver({ sender: 'ipcRenderer object' }, { codes: [] }, 'extra');
    expect(codes).toHaveBeenCalledWith({ codes: [] });
  });
});
