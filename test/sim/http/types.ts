import type { IncomingMessage, ServerResponse } from 'node:http';

/** A parsed request as route handlers see it. `path` is relative to the org/tenant base URL. */
export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON or form body; undefined when there was none. */
  body: unknown;
  /** Set when the body could not be parsed as its declared content type. */
  bodyError?: 'malformed';
  params: Record<string, string>;
  cookies: Record<string, string>;
}

export interface SimReply {
  status: number;
  /** Serialised as JSON unless `raw` is given. Omitted for 204. */
  json?: unknown;
  raw?: { contentType: string; data: Buffer | string };
  headers?: Record<string, string | string[]>;
}

export type Handler = (req: SimRequest) => SimReply | Promise<SimReply>;

export interface RawExchange {
  req: IncomingMessage;
  res: ServerResponse;
}
