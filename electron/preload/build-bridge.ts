import { channels, EVENT_PAYLOADS, EVENTS, methodName, type EventName, type TraykeyBridge } from '../../shared/ipc';

/**
 * The object the preload exposes as `window.traykey`, derived from the contract: one named method
 * per channel (never a generic invoke), plus `on` for the contract's events. Kept free of Electron
 * so a test can prove the methods are exactly the contract's channels.
 */
export interface BridgeTransport {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  /** Subscribe to one main-process event; returns the unsubscribe function. */
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

const knownEvents: ReadonlySet<string> = new Set(EVENTS);
const eventsWithData: ReadonlySet<string> = new Set(Object.keys(EVENT_PAYLOADS));

export function buildBridge(transport: BridgeTransport): TraykeyBridge {
  const bridge: Record<string, unknown> = {};
  for (const channel of channels) {
    // The payload is passed as-is: main validates it against the contract, the renderer is not trusted.
    bridge[methodName(channel)] = (payload: unknown) => transport.invoke(channel, payload ?? {});
  }
  bridge.on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!knownEvents.has(event)) throw new TypeError(`Unknown Traykey event "${String(event)}".`);
    if (typeof listener !== 'function') throw new TypeError('A Traykey event listener must be a function.');
    // Listeners never get the IPC event object, which would hand the page a handle on ipcRenderer; only
    // the events the contract gives data get main's payload, the others nothing whatever arrives.
    const carries = eventsWithData.has(event);
    const bare = listener as () => void;
    return transport.subscribe(event, (payload) => (carries ? listener(payload) : bare()));
  };
  return Object.freeze(bridge) as TraykeyBridge;
}
