import { absurdWait, MAX_ANNOUNCED_WAIT_MS } from './announced-wait';
import type { ClockSkew } from './clock-skew';
import type { RateWindow } from './rate-gate';

/**
 * Reads the rate-limit window from an answer. Okta spells the headers X-Rate-Limit-*,
 * Auth0 X-RateLimit-*; both give Reset as epoch seconds on the server's clock, which is
 * converted to the earliest local time at which it has surely passed. Retry-After (seconds
 * or an HTTP date) is honoured when no Reset is given. A reset that is garbage, negative or
 * further away than MAX_ANNOUNCED_WAIT_MS throws a SERVER_FAULT: it is never waited for.
 */
export function readRateWindow(headers: Headers, clock: ClockSkew, nowMs: number, host: string): RateWindow | undefined {
  const limit = intHeader(headers, 'x-rate-limit-limit', 'x-ratelimit-limit');
  const remaining = intHeader(headers, 'x-rate-limit-remaining', 'x-ratelimit-remaining');
  let resetAtLocalMs = reset(headers, clock, host);
  if (resetAtLocalMs === undefined) resetAtLocalMs = retryAfter(headers, clock, nowMs, host);
  if (resetAtLocalMs !== undefined && resetAtLocalMs - nowMs > MAX_ANNOUNCED_WAIT_MS) {
    throw absurdWait(host, 'rate-limit reset', new Date(resetAtLocalMs).toISOString());
  }
  if (limit === undefined && remaining === undefined && resetAtLocalMs === undefined) return undefined;
  return {
    ...(limit !== undefined ? { limit } : {}),
    ...(remaining !== undefined ? { remaining } : {}),
    ...(resetAtLocalMs !== undefined ? { resetAtLocalMs } : {}),
  };
}

/** RFC 9110's HTTP-date (`Sun, 06 Nov 1994 08:49:37 GMT`); Date.parse alone reads "-5" as a year. */
const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

function firstHeader(headers: Headers, names: string[]): string | undefined {
  for (const name of names) {
    const raw = headers.get(name);
    if (raw !== null) return raw;
  }
  return undefined;
}

function intHeader(headers: Headers, ...names: string[]): number | undefined {
  const raw = firstHeader(headers, names);
  return raw !== undefined && /^\s*\d+\s*$/.test(raw) ? Number.parseInt(raw, 10) : undefined;
}

function reset(headers: Headers, clock: ClockSkew, host: string): number | undefined {
  const raw = firstHeader(headers, ['x-rate-limit-reset', 'x-ratelimit-reset']);
  if (raw === undefined) return undefined;
  if (!/^\s*\d{1,12}\s*$/.test(raw)) throw absurdWait(host, 'X-Rate-Limit-Reset', raw);
  return clock.serverToLocalNotBefore(Number.parseInt(raw, 10) * 1000);
}

function retryAfter(headers: Headers, clock: ClockSkew, nowMs: number, host: string): number | undefined {
  const raw = headers.get('retry-after');
  if (raw === null) return undefined;
  if (/^\s*\d{1,12}\s*$/.test(raw)) {
    const date = headers.get('date');
    const serverNow = date ? Date.parse(date) : Number.NaN;
    const delayMs = Number.parseInt(raw, 10) * 1000;
    // Without a Date header the delay counts from when the answer arrived.
    return Number.isNaN(serverNow) ? nowMs + delayMs : clock.serverToLocalNotBefore(serverNow + delayMs);
  }
  const at = IMF_FIXDATE.test(raw.trim()) ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(at)) throw absurdWait(host, 'Retry-After', raw);
  return clock.serverToLocalNotBefore(at);
}
