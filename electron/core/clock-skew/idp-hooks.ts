import type { HttpClientOptions } from '../idp/http/client';
import type { ClockSkewService } from './clock-service';

type IdpHttpOptions = Omit<HttpClientOptions, 'service' | 'mapError' | 'baseUrl'>;

/** Identity-provider options whose answers' Date headers feed the code clock (the caller's fetch still runs). */
export function withIdpHooks<T extends { http?: IdpHttpOptions }>(options: T | undefined, skew: ClockSkewService): T | undefined {
  if (!options) return undefined;
  const given = options.http ?? {};
  return { ...options, http: { ...given, fetch: skew.observing(given.fetch) } };
}
