import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appError } from '../../../shared/errors';
import { timerDelay } from '../../../shared/timer-delay';

export interface LoopbackRedirect {
  redirectUri: string;
  /** Resolves with the callback's query once the browser arrives with the expected `state`. */
  result: Promise<URLSearchParams>;
  close(): void;
}

const PAGE = (text: string) => `<!doctype html><meta charset="utf-8"><title>Traykey</title><p>${text}</p>`;

/**
 * A one-shot HTTP listener on 127.0.0.1 for the OAuth redirect (RFC 8252 §7.3): it answers only the
 * callback path with the matching state, then closes.
 */
export async function listenForRedirect(options: { state: string; timeoutMs: number; port?: number }): Promise<LoopbackRedirect> {
  let settle: { resolve(query: URLSearchParams): void; reject(error: Error): void } | undefined;
  const result = new Promise<URLSearchParams>((resolve, reject) => (settle = { resolve, reject }));
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/callback' || url.searchParams.get('state') !== options.state) {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE('Not found.'));
      return;
    }
    const failed = url.searchParams.has('error');
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(PAGE(failed ? 'The sign-in did not complete. Return to Traykey.' : 'Signed in. You can close this tab and return to Traykey.'));
    settle?.resolve(url.searchParams);
    close();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const timer = setTimeout(() => {
    settle?.reject(appError('TIMEOUT', 'The browser sign-in did not finish in time: run the enrolment again and complete the sign-in in the browser.'));
    close();
  }, timerDelay(options.timeoutMs));
  function close(): void {
    clearTimeout(timer);
    server.close();
    server.closeAllConnections();
  }
  const { port } = server.address() as AddressInfo;
  return { redirectUri: `http://127.0.0.1:${port}/callback`, result, close };
}
