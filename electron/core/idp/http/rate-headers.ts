import type { ClockSkew } from './clock-skew';
import type { RateWindow } from './rate-gate';

/**
 * Reads the rate-limit window from an answer. Okta spells the headers X-Rate-Limit-*,
 * Auth0 X-RateLimit-*; both give Reset as epoch seconds on the server's clock, which is
 * converted to the earliest local time at which it has surely passed. Retry-After (seconds
 * or an HTTP date) is honoured when no Reset is given.
 */
export function readRateWindow(headers: Headers, clock: ClockSkew): RateWindow | undefined {
  const limit = intHeader(headers, 'x-rate-limit-limit', 'x-ratelimit-limit');
  const remaining = intHeader(headers, 'x-rate-limit-remaining', 'x-ratelimit-remaining');
  const resetSeconds = intHeader(headers, 'x-rate-limit-reset', 'x-ratelimit-reset');
  let resetAtLocalMs = resetSeconds !== undefined ? clock.serverToLocalNotBefore(resetSeconds * 1000) : undefined;
  if (resetAtLocalMs === undefined) resetAtLocalMs = retryAfter(headers, clock);
  if (limit === undefined && remaining === undefined && resetAtLocalMs === undefined) return undefined;
  return {
    ...(limit !== undefined ? { limit } : {}),
    ...(remaining !== undefined ? { remaining } : {}),
    ...(resetAtLocalMs !== undefined ? { resetAtLocalMs } : {}),
  };
}

function intHeader(headers: Headers, ...names: string[]): number | undefined {
  for (const name of names) {
    const raw = headers.get(name);
    if (raw !== null && /^\s*\d+\s*$/.test(raw)) return Number.parseInt(raw, 10);
  }
  return undefined;
}

function retryAfter(headers: Headers, clock: ClockSkew): number | undefined {
  const raw = headers.get('retry-after');
  if (raw === null) return undefined;
  const date = headers.get('date');
  const serverNow = date ? Date.parse(date) : Number.NaN;
  if (/^\s*\d+\s*$/.test(raw) && !Number.isNaN(serverNow)) return clock.serverToLocalNotBefore(serverNow + Number.parseInt(raw, 10) * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : clock.serverToLocalNotBefore(at);
}
