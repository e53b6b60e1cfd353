import { describe, expect, it, vi } from 'vitest';
import { buildBridge, type BridgeTransport } from '../../../electron/preload/build-bridge';
import { channels, contract, EVENTS, methodName } from '../../../shared/ipc';

function recordingTransport() {
  const calls: [string, unknown][] = [];
  const listeners = new Map<string, ((payload: unknown) => void)[]>();
  const transport: BridgeTransport = {
    invoke: async (channel, payload) => {
      calls.push([channel, payload]);
      return { ok: true, value: channel };
    },
    subscribe: (event, listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () => listeners.set(event, (listeners.get(event) ?? []).filter((l) => l !== listener));
    },
  };
  return { transport, calls, listeners };
}

describe('preload bridge', () => {
  it('has one method per contract channel, named by methodName, plus on — nothing else', () => {
    const bridge = buildBridge(recordingTransport().transport);
    const expected = [...channels.map((channel) => methodName(channel)), 'on'].sort();
    expect(Object.keys(bridge).sort()).toEqual(expected);
    expect(Object.keys(contract).sort()).toEqual([...channels].sort());
  });

  it('exposes no generic invoke or send', () => {
    const bridge = buildBridge(recordingTransport().transport) as unknown as Record<string, unknown>;
    for (const name of ['invoke', 'send', 'ipcRenderer', 'sendSync']) expect(bridge[name]).toBeUndefined();
  });

  it('sends each method on its own channel with the payload unchanged', async () => {
    const { transport, calls } = recordingTransport();
    const bridge = buildBridge(transport);
    await expect(bridge.accountsCodes({ at: 1_700_000_000_000 })).resolves.toEqual({ ok: true, value: 'accounts:codes' });
    await bridge.accountsRename({ id: 'x', issuer: 'ACME', label: 'alice' });
    expect(calls).toEqual([
      ['accounts:codes', { at: 1_700_000_000_000 }],
      ['accounts:rename', { id: 'x', issuer: 'ACME', label: 'alice' }],
    ]);
  });

  it('routes every contract channel through invoke', async () => {
    const { transport, calls } = recordingTransport();
    const bridge = buildBridge(transport) as unknown as Record<string, (payload: unknown) => Promise<unknown>>;
    for (const channel of channels) await bridge[methodName(channel)]?.({});
    expect(calls.map(([channel]) => channel)).toEqual(channels);
  });

  it('is frozen so the page cannot swap a method', () => {
    const bridge = buildBridge(recordingTransport().transport);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('hands a data event’s listeners the payload main sent, alone, and other events’ listeners nothing', () => {
    const { transport, listeners } = recordingTransport();
    const bridge = buildBridge(transport);
    const deliver = (event: string, ...args: unknown[]) => {
      for (const listener of listeners.get(event) ?? []) (listener as (...args: unknown[]) => void)(...args);
    };
    const onCodes = vi.fn();
    const onChanged = vi.fn();
    const off = bridge.on('popup:codes', onCodes);
    bridge.on('accounts:changed', onChanged);
    const codes = { now: 1_700_000_000_000, codes: [] };
    deliver('popup:codes', codes, { sender: 'ipcRenderer' });
    deliver('accounts:changed', codes, { sender: 'ipcRenderer' });
    expect(onCodes.mock.calls).toEqual([[codes]]);
    expect(onChanged.mock.calls).toEqual([[]]);
    off();
    expect(listeners.get('popup:codes')).toEqual([]);
  });

  it('refuses events the contract does not name', () => {
    const bridge = buildBridge(recordingTransport().transport);
    expect(() => bridge.on('ipc:anything' as (typeof EVENTS)[number], () => {})).toThrow(TypeError);
  });
});
