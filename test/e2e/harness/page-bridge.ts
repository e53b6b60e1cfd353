/**
 * What the harness injects into the page before the renderer runs: a `window.traykey` with the
 * same shape the Electron preload exposes (one method per contract call, plus `on`), speaking the
 * harness's WebSocket protocol instead of IPC. This function is serialized into the page, so it
 * may use only its argument and browser globals.
 */
import type { ClientMessage, ServerMessage } from './protocol';

export interface PageBridgeConfig {
  /** [methodName, channel] for every call in the contract. */
  methods: [string, string][];
  events: string[];
  socketPath: string;
  /** The name of the binding that hands out one-time socket tokens. */
  tokenBinding: string;
}

type Pending = { resolve: (value: unknown) => void };

export function installPageBridge(config: PageBridgeConfig): void {
  const scope = window as unknown as Record<string, unknown>;
  const cspViolations: string[] = [];
  scope.__traykeyCspViolations = cspViolations;
  document.addEventListener('securitypolicyviolation', (event) => {
    cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
  });

  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  // How many of each event arrived, so a test can wait for one main sent before acting on it.
  const received: Record<string, number> = {};
  scope.__traykeyEventsReceived = received;
  const disconnected = { ok: false, error: { code: 'INTERNAL', message: 'The test harness connection closed.' } };

  const socket: Promise<WebSocket> = (async () => {
    const issue = scope[config.tokenBinding] as () => Promise<string>;
    const token = await issue();
    const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}${config.socketPath}?token=${encodeURIComponent(token)}`);
    ws.addEventListener('message', (frame) => {
      const message = JSON.parse(String(frame.data)) as ServerMessage;
      if (message.type === 'result') {
        pending.get(message.id)?.resolve(message.result);
        pending.delete(message.id);
      } else {
        received[message.name] = (received[message.name] ?? 0) + 1;
        for (const listener of listeners.get(message.name) ?? []) listener(message.payload);
      }
    });
    ws.addEventListener('close', () => {
      for (const entry of pending.values()) entry.resolve(disconnected);
      pending.clear();
    });
    await new Promise<void>((resolve, reject) => {
      ws.addEventListener('open', () => resolve(), { once: true });
      ws.addEventListener('error', () => reject(new Error('The test harness socket did not open.')), { once: true });
    });
    return ws;
  })();

  const invoke = async (channel: string, payload: unknown): Promise<unknown> => {
    const ws = await socket;
    if (ws.readyState !== WebSocket.OPEN) return disconnected;
    const id = nextId++;
    const message: ClientMessage = { type: 'call', id, channel, payload };
    return new Promise((resolve) => {
      pending.set(id, { resolve });
      ws.send(JSON.stringify(message));
    });
  };

  const bridge: Record<string, unknown> = {
    on(event: string, listener: (payload: unknown) => void): () => void {
      if (!config.events.includes(event)) throw new Error(`Unknown event ${event}.`);
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  for (const [method, channel] of config.methods) bridge[method] = (request: unknown) => invoke(channel, request);
  Object.defineProperty(window, 'traykey', { value: Object.freeze(bridge), configurable: false, writable: false });
}
