import type { HttpLogEvent } from '../idp/http/client';
import { log } from './index';

/** The identity-provider layer's `log` hook: one debug line per attempt (URLs arrive redacted). */
export function logIdpCall(event: HttpLogEvent): void {
  const fields = { attempt: event.attempt, outcome: event.outcome, status: event.status, ms: event.durationMs, retryInMs: event.retryInMs };
  if (event.outcome === 'response' && event.status !== undefined && event.status < 500) log.debug(`idp ${event.method} ${event.url}`, fields);
  else log.info(`idp ${event.method} ${event.url}`, fields);
}
