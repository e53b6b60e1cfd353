import { IdpError } from '../errors';

/**
 * No wait a server announces (rate-limit resets, Retry-After, polling intervals, slow_down) is
 * honoured past this: real Okta and Auth0 windows are a minute or less, so anything longer is a
 * fault to report, not a reason to hang for days.
 */
export const MAX_ANNOUNCED_WAIT_MS = 15 * 60_000;

/** The typed fault for a wait no sane server announces; `shown` is the raw value, cut short. */
export function absurdWait(host: string, what: string, shown: string): IdpError {
  return new IdpError({
    code: 'SERVER_FAULT',
    message: `${host} asked Traykey to wait an impossible time (${what}: ${shown.slice(0, 40)}), so it stopped instead: the server or something between it and this computer is misbehaving; try again later.`,
  });
}

/** A server-announced wait in ms, checked against the cap; NaN, negative and too long are faults. */
export function checkedWaitMs(ms: number, host: string, what: string): number {
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_ANNOUNCED_WAIT_MS) throw absurdWait(host, what, String(ms));
  return ms;
}
