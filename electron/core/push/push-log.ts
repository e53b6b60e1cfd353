import { log } from '../log';
import type { RejectReason } from './challenge-verify';

export type PushLogEvent =
  | { kind: 'challenge-rejected'; enrolmentId: string; reason: RejectReason }
  | { kind: 'poll-failed'; enrolmentId: string; code: string };

/** Into the process log: what happened and why, never a challenge's contents, a token or a key. */
export function logPushEvent(event: PushLogEvent): void {
  if (event.kind === 'challenge-rejected') log.warn('push challenge dropped', { enrolmentId: event.enrolmentId, reason: event.reason });
  else log.info('push poll failed', { enrolmentId: event.enrolmentId, code: event.code });
}
