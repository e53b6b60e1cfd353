import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readBody, parseCookies } from './http/body';
import type { Tenant } from './http/tenant';
import type { SimReply, SimRequest } from './http/types';
import type { Router } from './http/router';
import type { FaultInjector, FaultRule } from './faults';
import type { Clock } from './clock';

export interface SimServerOptions {
  host: string;
  port: number;
  clock: Clock;
  faults: FaultInjector;
  /** `kind` is the first path segment (`okta`, `auth0`), `name` the second. */
  resolveTenant(kind: string, name: string): Tenant | undefined;
  /** Routes at the server root (`/__sim/...`). */
  control: Router;
}

export interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves every org and tenant from one loopback port: /<kind>/<name>/<path inside>. */
export async function startServer(options: SimServerOptions): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    handle(options, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('simulator error');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${options.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

async function handle(options: SimServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sim.invalid');
  const method = (req.method ?? 'GET').toUpperCase();
  const segments = url.pathname.split('/');
  const [, kind = '', name = ''] = segments;
  const tenant = options.resolveTenant(kind, name);
  const innerPath = tenant ? '/' + segments.slice(3).join('/') : url.pathname;

  // The simulator's own control routes stay reachable whatever faults are active, so scripts can clear them.
  const faults = innerPath.startsWith('/__sim/') ? [] : options.faults.take(method, url.pathname, innerPath);
  const parsed = await readBody(req);
  const simReq: SimRequest = {
    method,
    path: innerPath,
    query: url.searchParams,
    headers: req.headers,
    body: parsed.body,
    ...(parsed.malformed ? { bodyError: 'malformed' as const } : {}),
    params: {},
    cookies: parseCookies(req.headers.cookie),
  };

  const latency = faults.filter((f) => f.kind === 'latency').reduce((sum, f) => sum + (f.ms ?? 0), 0);
  if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
  if (faults.some((f) => f.kind === 'drop')) {
    req.socket.destroy();
    return;
  }

  let reply: SimReply;
  if (!tenant) {
    reply = await dispatchControl(options.control, simReq);
  } else {
    reply = await dispatchTenant(tenant, simReq, faults, options.clock);
  }
  send(res, reply, faults, options.clock);
}

async function dispatchControl(control: Router, req: SimRequest): Promise<SimReply> {
  const match = control.match(req.method, req.path);
  if (!('handler' in match)) return { status: 404, json: { error: 'not_found', error_description: `No simulator route ${req.method} ${req.path}` } };
  return match.handler({ ...req, params: match.params });
}

async function dispatchTenant(tenant: Tenant, req: SimRequest, faults: FaultRule[], clock: Clock): Promise<SimReply> {
  const storm = faults.find((f) => f.kind === 'rate-limit');
  // The simulator's own control routes (the simulated phone) are not part of the provider's API.
  const verdict = req.path.startsWith('/__sim/') ? undefined : tenant.rateLimiter?.consume(req.method, req.path);
  const limitHeaders = verdict ? tenant.rateLimitHeaders(verdict) : {};
  const withLimits = (reply: SimReply): SimReply => ({ ...reply, headers: { ...limitHeaders, ...reply.headers } });

  if (storm) {
    const reset = Math.ceil((clock() + (storm.ms ?? 60_000)) / 1000);
    const stormVerdict = { allowed: false, limit: verdict?.limit ?? 0, remaining: 0, reset };
    const reply = tenant.rateLimited(stormVerdict);
    return { ...reply, headers: { ...tenant.rateLimitHeaders(stormVerdict), ...reply.headers } };
  }
  if (verdict && !verdict.allowed) return withLimits(tenant.rateLimited(verdict));
  const status = faults.find((f) => f.kind === 'status');
  if (status) return withLimits(tenant.serverError(status.status ?? 503));

  const match = tenant.router.match(req.method, req.path);
  if (!('handler' in match)) {
    return withLimits(match.allowed.length > 0 ? tenant.methodNotAllowed(req) : tenant.notFound(req));
  }
  if (req.bodyError === 'malformed') return withLimits(tenant.malformedBody());
  return withLimits(await match.handler({ ...req, params: match.params }));
}

function send(res: ServerResponse, reply: SimReply, faults: FaultRule[], clock: Clock): void {
  const skew = faults.filter((f) => f.kind === 'date-skew').reduce((sum, f) => sum + (f.skewMs ?? 0), 0);
  const headers: Record<string, string | string[]> = {
    date: new Date(clock() + skew).toUTCString(),
    'cache-control': 'no-cache, no-store',
    ...reply.headers,
  };
  let data: Buffer | string = '';
  if (reply.raw) {
    headers['content-type'] = reply.raw.contentType;
    data = reply.raw.data;
  } else if (reply.json !== undefined && reply.status !== 204) {
    headers['content-type'] ??= 'application/json';
    data = JSON.stringify(reply.json);
  }
  if (faults.some((f) => f.kind === 'malformed-json')) {
    const text = typeof data === 'string' ? data : data.toString('utf8');
    data = text.length > 2 ? text.slice(0, Math.ceil(text.length / 2)) : '{"';
  }
  res.sendDate = false;
  res.writeHead(reply.status, { ...headers, 'content-length': String(Buffer.byteLength(data)) });
  res.end(data);
}
