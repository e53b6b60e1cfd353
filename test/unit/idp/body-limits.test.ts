import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IMAGE_BODY_LIMIT, JSON_BODY_LIMIT } from '../../../electron/core/idp/http/bounded-body';
import { HttpClient } from '../../../electron/core/idp/http/client';
import { oktaErrorMapper } from '../../../electron/core/idp/okta/errors';

/**
 * Issue 13: a streaming answer to `admin connect` drove peak RSS to 6.4 GB. A loopback server that
 * never stops sending (or announces a huge Content-Length) must cost Traykey at most the limit.
 */
interface Endless {
  url: string;
  requests: number;
  bytesWritten: () => number;
  server: Server;
}

const open: Server[] = [];
afterEach(async () => {
  await Promise.all(
    open.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

async function endlessServer(headers: Record<string, string> = {}): Promise<Endless> {
  const chunk = Buffer.alloc(64 * 1024, '[');
  let written = 0;
  const state = { requests: 0 };
  const server = createServer((_req, res) => {
    state.requests += 1;
    res.writeHead(200, { 'content-type': 'application/json', ...headers });
    const pump = () => {
      // Writes only as fast as the client drains, so `written` is bounded by what it read plus socket buffers.
      while (!res.destroyed) {
        written += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
    };
    res.on('close', () => res.removeAllListeners('drain'));
    pump();
  });
  open.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    bytesWritten: () => written,
    server,
  };
}

const client = (url: string) => new HttpClient({ baseUrl: url, service: 'Okta', mapError: oktaErrorMapper('admin'), timeoutMs: 20_000, maxAttempts: 3, log: () => undefined });

describe('answer bodies are capped per call type', () => {
  it('stops reading an endless JSON answer past 1 MiB with a SERVER_FAULT, and does not retry it', async () => {
    const server = await endlessServer();
    const error = (await client(server.url).json({ method: 'GET', path: '/api/v1/users/me' }, z.unknown()).catch((e: unknown) => e)) as Error & { code?: string };
    expect(error).toMatchObject({ code: 'SERVER_FAULT' });
    expect(error.message).toContain('GET /api/v1/users/me');
    expect(error.message).toContain('1 MiB');
    expect(server.requests).toBe(1);
    // What left the server: the limit, plus what the two sockets' buffers hold; nowhere near unbounded.
    expect(server.bytesWritten()).toBeLessThan(JSON_BODY_LIMIT + 16 * 1024 * 1024);
  });

  it('refuses at once when Content-Length announces more than the limit', async () => {
    const server = await endlessServer({ 'content-length': String(10 * 1024 * 1024 * 1024) });
    await expect(client(server.url).json({ method: 'GET', path: '/big' }, z.unknown())).rejects.toMatchObject({ code: 'SERVER_FAULT' });
    expect(server.requests).toBe(1);
  });

  it('gives image downloads their larger allowance, and still a bound', async () => {
    const server = await endlessServer();
    const error = (await client(server.url).bytes({ method: 'GET', path: '/qr.png' }).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code: 'SERVER_FAULT' });
    expect(error.message).toContain('2 MiB');
    expect(server.bytesWritten()).toBeLessThan(IMAGE_BODY_LIMIT + 16 * 1024 * 1024);
  });
});
