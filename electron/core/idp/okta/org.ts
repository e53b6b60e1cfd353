import { ClockSkew } from '../http/clock-skew';
import { HttpClient, type HttpClientOptions } from '../http/client';
import { RateGate } from '../http/rate-gate';
import { defaultSleep } from '../http/sleep';
import { oktaErrorMapper, type OktaApi } from './errors';

export type OktaHttpOptions = Omit<HttpClientOptions, 'service' | 'mapError' | 'baseUrl'>;

/**
 * The HTTP clients for one Okta org. The Authentication API and the admin APIs read
 * E0000011 differently, but count against the same org rate limit and clock, so they
 * share one gate and one skew estimate.
 */
export interface OktaOrg {
  orgUrl: string;
  authn: HttpClient;
  admin: HttpClient;
}

export function connectOktaOrg(orgUrl: string, options: OktaHttpOptions = {}): OktaOrg {
  const gate = options.gate ?? new RateGate(options.now ?? Date.now, options.sleep ?? defaultSleep);
  const clock = options.clock ?? new ClockSkew();
  const make = (api: OktaApi) => new HttpClient({ ...options, gate, clock, baseUrl: orgUrl, service: 'Okta', mapError: oktaErrorMapper(api) });
  return { orgUrl, authn: make('authn'), admin: make('admin') };
}
