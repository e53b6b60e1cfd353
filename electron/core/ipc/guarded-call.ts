import { appError, type Result } from '../../../shared/errors';
import type { Caller } from '../../../shared/ipc';
import { isTrustedSender, type SenderFrame } from '../windows/trusted-sender';

export type DispatchFn<H> = (handlers: H, channel: string, payload: unknown, caller: Caller) => Promise<Result<unknown>>;

/**
 * One IPC call as main sees it: refuse any sender that is not our own top-level page before the
 * payload is even looked at, then hand the call to the contract's dispatcher (which validates it).
 */
export async function guardedCall<H>(
  frame: SenderFrame | null,
  channel: string,
  payload: unknown,
  handlers: H,
  dispatch: DispatchFn<H>,
): Promise<Result<unknown>> {
  if (frame === null || !isTrustedSender(frame)) {
    return { ok: false, error: appError('FORBIDDEN_SENDER', 'This request did not come from the Traykey window, so it was refused.').toData() };
  }
  return dispatch(handlers, channel, payload, { sender: frame.key });
}
