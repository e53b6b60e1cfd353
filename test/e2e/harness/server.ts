/**
 * The harness's loopback server: the built renderer over HTTP and the core's handlers over a
 * WebSocket on the same origin (so the page's CSP `connect-src 'self'` allows it). Each socket
 * needs a fresh one-time token, which only the test process can hand to the page.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Result } from '../../../shared/errors';
import type { Caller } from '../../../shared/ipc';
import { HARNESS_SOCKET_PATH, type ClientMessage, type ServerMessage } from './protocol';
import { staticFiles } from './static-files';

export interface HarnessBackend {
  /** `caller` names the socket, as Electron's IPC names the sending frame. */
  call(channel: string, payload: unknown, caller: Caller): Promise<Result<unknown>>;
  /** Subscribes to every core event; returns the unsubscribe function. */
  onEvent(listener: (name: string, payload?: unknown) => void): () => void;
}

export interface HarnessServer {
  origin: string;
  /** A token good for exactly one socket connection. */
  issueToken(): string;
  /** Calls the page made, in order (channel names only), for tests that count round trips. */
  calls: string[];
  /** The bytes each call carried there and back, in order, for tests of what crosses the boundary. */
  traffic: Array<{ channel: string; sent: number; received: number }>;
  close(): Promise<void>;
}

export async function startHarnessServer(options: { root: string; backend: HarnessBackend }): Promise<HarnessServer> {
  const tokens = new Set<string>();
  const sockets = new Set<WebSocket>();
  const calls: string[] = [];
  const traffic: HarnessServer['traffic'] = [];
  let connections = 0;
  const serveFile = staticFiles(options.root);
  const server: Server = createServer((request, response) => void serveFile(request, response));
  // Room for a dropped import file (10 MiB as base64) in one call, as Electron IPC allows.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const takeToken = (offered: string | null): boolean => {
    if (!offered) return false;
    for (const token of tokens) {
      const a = Buffer.from(token);
      const b = Buffer.from(offered);
      if (a.length === b.length && timingSafeEqual(a, b)) {
        tokens.delete(token);
        return true;
      }
    }
    return false;
  };

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname !== HARNESS_SOCKET_PATH || request.headers.origin !== origin || !takeToken(url.searchParams.get('token'))) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      sockets.add(ws);
      const caller: Caller = { sender: `socket:${++connections}` };
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data) => void answer(ws, caller, data.toString()));
    });
  });

  const send = (ws: WebSocket, message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };

  const answer = async (ws: WebSocket, caller: Caller, text: string) => {
    let message: ClientMessage;
    try {
      message = JSON.parse(text) as ClientMessage;
    } catch {
      ws.close(1003, 'not JSON');
      return;
    }
    if (message.type !== 'call' || typeof message.id !== 'number' || typeof message.channel !== 'string') {
      ws.close(1003, 'not a call');
      return;
    }
    calls.push(message.channel);
    const result = await options.backend.call(message.channel, message.payload, caller);
    const reply: ServerMessage = { type: 'result', id: message.id, result };
    traffic.push({ channel: message.channel, sent: Buffer.byteLength(text), received: Buffer.byteLength(JSON.stringify(reply)) });
    send(ws, reply);
  };

  const stopEvents = options.backend.onEvent((name, payload) => {
    for (const ws of sockets) send(ws, { type: 'event', name, payload });
  });

  return {
    origin,
    calls,
    traffic,
    issueToken() {
      const token = randomBytes(24).toString('base64url');
      tokens.add(token);
      return token;
    },
    async close() {
      stopEvents();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
