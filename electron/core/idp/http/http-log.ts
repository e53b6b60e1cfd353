import { log } from '../../log';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpLogEvent {
  method: HttpMethod;
  url: string;
  attempt: number;
  outcome: 'response' | 'network-error' | 'timeout';
  status?: number;
  durationMs: number;
  retryInMs?: number;
}

/** The identity-provider layer's `log` hook: one debug line per attempt (URLs arrive redacted). */
export function logIdpCall(event: HttpLogEvent): void {
  const fields = { attempt: event.attempt, outcome: event.outcome, status: event.status, ms: event.durationMs, retryInMs: event.retryInMs };
  if (event.outcome === 'response' && event.status !== undefined && event.status < 500) log.debug(`idp ${event.method} ${event.url}`, fields);
  else log.info(`idp ${event.method} ${event.url}`, fields);
}
