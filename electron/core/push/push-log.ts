import { log } from '../log';
import type { PushLogEvent } from './push-service';

/** Into the process log: what happened and why, never a challenge's contents, a token or a key. */
export function logPushEvent(event: PushLogEvent): void {
  if (event.kind === 'challenge-rejected') log.warn('push challenge dropped', { enrolmentId: event.enrolmentId, reason: event.reason });
  else log.info('push poll failed', { enrolmentId: event.enrolmentId, code: event.code });
}
