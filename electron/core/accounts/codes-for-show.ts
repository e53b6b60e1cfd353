import { EVENT_PAYLOADS, type EventPayload } from '../../../shared/ipc';
import { log } from '../log';
import type { AccountsService } from './accounts-service';

export interface CodesForShowDeps {
  isUnlocked(): boolean;
  accounts: Pick<AccountsService, 'codes'>;
  /** Main's skew-corrected time, as accounts:codes uses it. */
  now(): number;
  emit(event: 'popup:codes', payload: EventPayload<'popup:codes'>): void;
}

/**
 * Main calls this just before it shows the popup. A popup hidden past its codes' next period would
 * otherwise ask main for codes after it is shown, one round trip before its first frame; sent ahead,
 * they are there when it becomes visible. Only codes cross, as accounts:codes answers them: the
 * contract's schema keeps exactly its fields, whatever the service's objects carry. A locked vault
 * sends nothing (the popup shows its passphrase prompt), and neither does a failure: it must never
 * keep the popup from showing, and the popup, asking main itself, shows what went wrong.
 */
export function sendCodesForShow(deps: CodesForShowDeps): void {
  if (!deps.isUnlocked()) return;
  let payload: EventPayload<'popup:codes'>;
  try {
    const now = deps.now();
    payload = EVENT_PAYLOADS['popup:codes'].parse({ now, codes: deps.accounts.codes(now) });
  } catch {
    // No detail: it could quote an account's contents.
    log.warn('The codes could not be sent ahead of the popup; it asks for them when shown.');
    return;
  }
  deps.emit('popup:codes', payload);
}
