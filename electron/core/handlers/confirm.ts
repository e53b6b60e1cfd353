import { appError } from '../../../shared/errors';
import type { Handlers } from '../../../shared/ipc';
import type { ConfirmOutcomeView } from '../../../shared/ipc/confirm';
import { normalizeOrgUrl } from '../admin/connection';
import { confirmWithCiba } from '../ciba/confirm';
import { approverName } from '../ciba/id-token';
import { defaultSleep } from '../idp/http/sleep';
import { OktaCibaClient } from '../idp/okta/ciba';
import { connectOktaOrg } from '../idp/okta/org';

/**
 * The Admin area's "Ask a user to confirm": one CIBA request at a time, waited on in main so the
 * popup can be hidden meanwhile. The client credentials live only as long as the request.
 */
export function confirmHandlers(): Pick<Handlers, 'confirm:okta' | 'confirm:cancel'> {
  let running: AbortController | null = null;
  const now = () => Date.now();
  return {
    'confirm:okta': async (request): Promise<ConfirmOutcomeView> => {
      if (running) throw appError('INVALID_INPUT', 'A confirmation request is already waiting for an answer; wait for it or cancel it first.');
      const org = connectOktaOrg(normalizeOrgUrl(request.orgUrl), { now, sleep: defaultSleep });
      const client = new OktaCibaClient(org.authn, { clientId: request.clientId, clientSecret: request.clientSecret });
      const controller = new AbortController();
      running = controller;
      try {
        const outcome = await confirmWithCiba(
          client,
          {
            loginHint: request.login,
            ...(request.message?.trim() ? { bindingMessage: request.message.trim() } : {}),
            ...(request.expiresInSeconds !== undefined ? { requestExpirySeconds: request.expiresInSeconds } : {}),
          },
          { now, sleep: defaultSleep, signal: controller.signal },
        );
        switch (outcome.result) {
          case 'APPROVED':
            return { result: 'approved', approvedBy: approverName(outcome.claims) };
          case 'DENIED':
            return { result: 'denied' };
          case 'EXPIRED':
            return { result: 'expired' };
          case 'ABORTED':
            return { result: 'cancelled' };
        }
      } finally {
        if (running === controller) running = null;
      }
    },
    'confirm:cancel': async () => {
      const controller = running;
      controller?.abort();
      return { cancelled: controller !== null };
    },
  };
}
