import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The test clock when the request arrived. */
  at: number;
}

export type Script = (req: SeenRequest, index: number) => { status: number; headers?: Record<string, string | undefined>; body?: unknown } | 'hang';

/** A loopback server whose answers the test scripts; records what it was sent and when. */
export async function startScriptedServer(script: Script, clock: () => number = Date.now) {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry: SeenRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: clock() };
      seen.push(entry);
      const answer = script(entry, seen.length - 1);
      if (answer === 'hang') return;
      const payload = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      const headers = Object.fromEntries(Object.entries(answer.headers ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined));
      res.writeHead(answer.status, { 'content-type': 'application/json', ...headers });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A test clock: `sleep` moves time instead of waiting. */
export function fakeClock(start = Date.parse('2026-11-23T09:00:00.000Z')) {
  const state = { t: start, sleeps: [] as number[] };
  return {
    state,
    now: () => state.t,
    sleep: async (ms: number, signal?: AbortSignal) => {
      signal?.throwIfAborted();
      state.sleeps.push(ms);
      // Let callers that are already cleared to go reach the network before time moves on.
      await new Promise((resolve) => setImmediate(resolve));
      state.t += ms;
      signal?.throwIfAborted();
    },
  };
}

export const httpDate = (ms: number) => new Date(ms).toUTCString();
