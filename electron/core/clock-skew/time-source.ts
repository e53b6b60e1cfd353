import { appError } from '../../../shared/errors';
import { ClockSkew } from '../idp/http/clock-skew';
import { transportRefusal } from '../idp/http/transport-policy';

export interface TimeSourceOptions {
  fetch?: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
}

/** The time source's URL, under the transport rule every request follows (https, or http to this computer). */
export function timeSourceUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw appError('INVALID_INPUT', 'The time source is not a valid URL; set an https:// address in the settings.', { field: 'timeSourceUrl' });
  }
  const refusal = transportRefusal(url);
  if (refusal) throw appError(refusal.code, `The time source: ${refusal.message}`, { field: 'timeSourceUrl' });
  return url;
}

/**
 * Asks the time source for its Date (one HEAD request, redirects not followed: their Date counts too)
 * and returns server time minus machine time in ms, the middle of the interval the answer allows.
 */
export async function measureTimeSource(raw: string, options: TimeSourceOptions = {}): Promise<{ offsetMs: number; host: string }> {
  const url = timeSourceUrl(raw);
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const sentAt = now();
  let response: Response;
  try {
    response = await (options.fetch ?? globalThis.fetch)(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      throw appError('TIMEOUT', `The time source ${url.host} did not answer within ${timeoutMs / 1000} s; check the network or choose another source.`);
    }
    throw appError('NETWORK', `The time source ${url.host} could not be reached; check the network or the address in the settings.`);
  }
  const sample = new ClockSkew();
  sample.observe(response.headers.get('date'), sentAt, now());
  if (sample.skewMs === undefined) {
    throw appError('NETWORK', `The time source ${url.host} answered without a usable Date header; choose another https address.`);
  }
  return { offsetMs: sample.skewMs, host: url.host };
}
