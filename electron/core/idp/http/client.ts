import type { AppError } from '../../../../shared/errors';
import { timerDelay } from '../../../../shared/timer-delay';
import { malformedResponse, networkError, timeoutError } from '../errors';
import { DEFAULT_BACKOFF, fullJitterDelay, type BackoffPolicy } from './backoff';
import { BodyLimitExceeded, bodyTooLarge, IMAGE_BODY_LIMIT, JSON_BODY_LIMIT, readBoundedBody } from './bounded-body';
import { ClockSkew } from './clock-skew';
import { RateGate, type RateWindow, type Sleep } from './rate-gate';
import { readRateWindow } from './rate-headers';
import { defaultSleep } from './sleep';
import { redactText, redactUrl } from './redact';
import { logIdpCall, type HttpLogEvent, type HttpMethod } from './http-log';
import { requireSecureTransport } from './transport-policy';
import { joinUrl, resolveLink, withQuery } from './url';
import type { z } from 'zod';

export type { HttpMethod } from './http-log';

/** A non-2xx answer, handed to the provider's error mapper. */
export interface ErrorAnswer {
  status: number;
  body: unknown;
  host: string;
  secrets: readonly (string | undefined)[];
}

export interface HttpClientOptions {
  baseUrl: string;
  /** "Okta" or "Auth0": used in messages. */
  service: string;
  mapError: (answer: ErrorAnswer) => AppError;
  timeoutMs?: number;
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  /** Share one gate (and one skew estimate) between clients that talk to the same org. */
  gate?: RateGate;
  clock?: ClockSkew;
  now?: () => number;
  sleep?: Sleep;
  random?: () => number;
  fetch?: typeof fetch;
  /** Each attempt, URL redacted (default: the process log, at debug level). */
  log?: (event: HttpLogEvent) => void;
}

export interface RequestOptions {
  method: HttpMethod;
  /** An API path under the base URL, or a HAL link from an earlier answer. */
  path?: string;
  link?: string;
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  form?: Record<string, string | undefined>;
  headers?: Record<string, string>;
  /** Values to hide from logs and errors besides the ones recognised by shape. */
  secrets?: readonly (string | undefined)[];
  /** The call may be repeated even if the server may have acted on it. */
  safeToRetry?: boolean;
  /** Return a 429 to the caller instead of waiting and retrying (pollers with their own pacing). */
  returnRateLimited?: boolean;
  signal?: AbortSignal;
  /** Hand 3xx answers back instead of refusing them (session-cookie redirects). */
  manualRedirect?: boolean;
  /** The most body this call type may answer with (default JSON_BODY_LIMIT); past it the read stops with SERVER_FAULT. */
  maxBodyBytes?: number;
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
  /** The parsed JSON body; undefined when empty or not JSON. */
  body: unknown;
  bodyIsJson: boolean;
}

const IDEMPOTENT: ReadonlySet<HttpMethod> = new Set(['GET', 'PUT', 'DELETE']);
/** undici failures raised before a byte of the request left this machine. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

export class HttpClient {
  readonly baseUrl: string;
  readonly host: string;
  readonly service: string;
  readonly gate: RateGate;
  readonly clock: ClockSkew;
  readonly now: () => number;
  readonly sleep: Sleep;
  private readonly options: HttpClientOptions;
  private readonly random: () => number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: HttpClientOptions) {
    this.options = options;
    this.baseUrl = options.baseUrl;
    this.host = new URL(options.baseUrl).host;
    this.service = options.service;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.gate = options.gate ?? new RateGate(this.now, this.sleep);
    this.clock = options.clock ?? new ClockSkew();
  }

  /** Server time minus local time (ms), measured from `Date` headers; undefined until one is seen. */
  get clockSkewMs(): number | undefined {
    return this.clock.skewMs;
  }

  /** Sends with gating, timeout and bounded retries; any HTTP status comes back as an answer. */
  async send(request: RequestOptions): Promise<RawAnswer> {
    const url = requireSecureTransport(withQuery(request.link ? resolveLink(this.baseUrl, request.link) : joinUrl(this.baseUrl, request.path ?? '/'), request.query));
    const maxAttempts = Math.max(1, this.options.maxAttempts ?? 3);
    const retryAfterSend = IDEMPOTENT.has(request.method) || request.safeToRetry === true;
    const secrets = collectSecrets(request);
    for (let attempt = 1; ; attempt += 1) {
      const last = attempt >= maxAttempts;
      await this.gate.acquire(request.signal);
      const sentAt = this.now();
      let answer: RawAnswer;
      try {
        answer = await this.exchange(url, request);
      } catch (error) {
        this.gate.settle(undefined);
        if (request.signal?.aborted) throw request.signal.reason;
        if (error instanceof BodyLimitExceeded) throw bodyTooLarge(this.host, describe(request), error.limit);
        const timedOut = error instanceof TimeoutSignal;
        const retryable = !last && (retryAfterSend || (!timedOut && neverSent(error)));
        const retryInMs = retryable ? fullJitterDelay(attempt - 1, this.backoff(), this.random) : undefined;
        this.emit({ method: request.method, url: redactUrl(url, secrets), attempt, outcome: timedOut ? 'timeout' : 'network-error', durationMs: this.now() - sentAt, ...(retryInMs !== undefined ? { retryInMs } : {}) });
        if (retryInMs === undefined) throw timedOut ? timeoutError(this.host, this.timeoutMs()) : networkError(this.host);
        await this.sleep(retryInMs, request.signal);
        continue;
      }
      this.clock.observe(answer.headers.get('date'), sentAt, this.now());
      const window = this.rateWindow(answer);
      let retryInMs: number | undefined;
      if (answer.status === 429 && request.returnRateLimited && isSlowDown(answer)) {
        // OAuth's slow_down (Auth0 answers it with 429) paces one poller; the org's budget is untouched,
        // so other calls to it must not wait for the rate window to reset.
      } else if (answer.status === 429) {
        const fallback = this.now() + fullJitterDelay(attempt - 1, this.backoff(), this.random);
        this.gate.block(window?.resetAtLocalMs ?? fallback);
        // A 429 was refused before any work was done, so repeating it is safe for every method.
        if (!last && !request.returnRateLimited) retryInMs = 0;
      } else if (answer.status >= 500 && retryAfterSend && !last) {
        retryInMs = fullJitterDelay(attempt - 1, this.backoff(), this.random);
      }
      this.emit({ method: request.method, url: redactUrl(url, secrets), attempt, outcome: 'response', status: answer.status, durationMs: this.now() - sentAt, ...(retryInMs !== undefined ? { retryInMs } : {}) });
      if (retryInMs === undefined) return answer;
      if (retryInMs > 0) await this.sleep(retryInMs, request.signal);
    }
  }

  /** Sends and validates a 2xx JSON body with `schema`; any other answer becomes a typed error. */
  async json<S extends z.ZodType>(request: RequestOptions, schema: S): Promise<z.output<S>> {
    const answer = await this.send(request);
    this.throwUnlessOk(answer, request);
    const parsed = schema.safeParse(answer.bodyIsJson ? answer.body : undefined);
    if (!parsed.success) throw malformedResponse(this.service, this.host, describe(request), answer.status);
    return parsed.data;
  }

  /** Sends and expects a 2xx with no body of interest (204 No Content and the like). */
  async empty(request: RequestOptions): Promise<void> {
    this.throwUnlessOk(await this.send(request), request);
  }

  /** Sends and returns the raw bytes of a 2xx answer (QR code images). */
  async bytes(request: RequestOptions): Promise<{ bytes: Uint8Array; contentType: string | null }> {
    const answer = await this.send({ maxBodyBytes: IMAGE_BODY_LIMIT, ...request });
    this.throwUnlessOk(answer, request);
    return { bytes: answer.bytes, contentType: answer.headers.get('content-type') };
  }

  /** The provider's typed error for a non-2xx answer. */
  errorFor(answer: RawAnswer, request: RequestOptions): AppError {
    return this.options.mapError({ status: answer.status, body: answer.body, host: this.host, secrets: collectSecrets(request) });
  }

  private throwUnlessOk(answer: RawAnswer, request: RequestOptions): void {
    if (answer.status < 200 || answer.status > 299) throw this.errorFor(answer, request);
  }

  private async exchange(url: URL, request: RequestOptions): Promise<RawAnswer> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new TimeoutSignal()), timerDelay(this.timeoutMs()));
    const signal = request.signal ? AbortSignal.any([controller.signal, request.signal]) : controller.signal;
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    let body: string | undefined;
    if (request.json !== undefined) {
      // A JSON flavour the caller names (Okta's merge patch) stays; anything else is plain JSON.
      if (!headers['content-type']?.includes('json')) headers['content-type'] = 'application/json';
      body = JSON.stringify(request.json);
    } else if (request.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = formBody(request.form);
    }
    try {
      const response = await this.fetchImpl(url, { method: request.method, headers, body, signal, redirect: request.manualRedirect ? 'manual' : 'error' });
      const bytes = await readBoundedBody(response, request.maxBodyBytes ?? JSON_BODY_LIMIT);
      const { value, isJson } = parseJson(bytes, response.headers.get('content-type'));
      return { status: response.status, headers: response.headers, bytes, body: value, bodyIsJson: isJson };
    } catch (error) {
      if (controller.signal.aborted && !request.signal?.aborted) throw new TimeoutSignal();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Settles the gate with what the answer says; an absurd announced wait settles it empty and is thrown, never retried. */
  private rateWindow(answer: RawAnswer): RateWindow | undefined {
    let window: RateWindow | undefined;
    try {
      window = readRateWindow(answer.headers, this.clock, this.now(), this.host);
    } finally {
      this.gate.settle(window);
    }
    return window;
  }

  private timeoutMs(): number {
    return this.options.timeoutMs ?? 15_000;
  }

  private backoff(): BackoffPolicy {
    return this.options.backoff ?? DEFAULT_BACKOFF;
  }

  private emit(event: HttpLogEvent): void {
    (this.options.log ?? logIdpCall)(event);
  }
}

class TimeoutSignal extends Error {
  constructor() {
    super('request timed out');
    this.name = 'TimeoutSignal';
  }
}

function neverSent(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' && NOT_SENT_CODES.has(cause.code);
}

function formBody(form: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) if (value !== undefined) params.set(key, value);
  return params.toString();
}

function parseJson(bytes: Uint8Array, contentType: string | null): { value: unknown; isJson: boolean } {
  if (bytes.length === 0) return { value: undefined, isJson: false };
  if (contentType && !/json/i.test(contentType)) return { value: undefined, isJson: false };
  try {
    return { value: JSON.parse(new TextDecoder().decode(bytes)), isJson: true };
  } catch {
    return { value: undefined, isJson: false };
  }
}

function collectSecrets(request: RequestOptions): (string | undefined)[] {
  const fromHeaders = request.headers?.authorization ? [request.headers.authorization] : [];
  return [...(request.secrets ?? []), ...fromHeaders];
}

function describe(request: RequestOptions): string {
  const path = request.link ? new URL(request.link, 'http://link.invalid').pathname : (request.path ?? '/');
  return `${request.method} ${redactText(path)}`;
}

function isSlowDown(answer: RawAnswer): boolean {
  try {
    const body = JSON.parse(new TextDecoder().decode(answer.bytes)) as { error?: unknown } | null;
    return body?.error === 'slow_down';
  } catch {
    return false;
  }
}
