import { ClockSkew } from '../idp/http/clock-skew';
import type { SkewMonitor } from './skew-monitor';

/**
 * A fetch for the identity-provider clients that also reads every answer's Date header into the
 * monitor, so whichever provider the app talks to keeps the code clock corrected.
 */
export function skewObservingFetch(monitor: SkewMonitor, options: { now?: () => number; fetch?: typeof fetch } = {}): typeof fetch {
  const now = options.now ?? Date.now;
  const inner = options.fetch ?? globalThis.fetch;
  return async (input, init) => {
    const sentAt = now();
    const response = await inner(input, init);
    const sample = new ClockSkew();
    sample.observe(response.headers.get('date'), sentAt, now());
    if (sample.skewMs !== undefined) monitor.record(sample.skewMs, 'identity-provider', hostOf(input));
    return response;
  };
}

function hostOf(input: Parameters<typeof fetch>[0]): string {
  try {
    return new URL(input instanceof Request ? input.url : String(input)).host;
  } catch {
    return 'unknown';
  }
}
