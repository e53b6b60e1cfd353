import { appError } from '../../../shared/errors';
import type { Handlers } from '../../../shared/ipc';
import type { ConfirmOutcomeView } from '../../../shared/ipc/confirm';
import { askOktaUserToConfirm } from '../ciba/ask-okta-user';
import { defaultSleep } from '../idp/http/sleep';

/**
 * The Admin area's "Ask a user to confirm": one CIBA request at a time, waited on in main so the
 * popup can be hidden meanwhile.
 */
export function confirmHandlers(): Pick<Handlers, 'confirm:okta' | 'confirm:cancel'> {
  let running: AbortController | null = null;
  const now = () => Date.now();
  return {
    'confirm:okta': async (request): Promise<ConfirmOutcomeView> => {
      if (running) throw appError('INVALID_INPUT', 'A confirmation request is already waiting for an answer; wait for it or cancel it first.');
      const controller = new AbortController();
      running = controller;
      try {
        const message = request.message?.trim();
        const outcome = await askOktaUserToConfirm(
          {
            orgUrl: request.orgUrl,
            clientId: request.clientId,
            clientSecret: request.clientSecret,
            login: request.login,
            ...(message ? { message } : {}),
            ...(request.expiresInSeconds !== undefined ? { expiresInSeconds: request.expiresInSeconds } : {}),
          },
          { now, sleep: defaultSleep, signal: controller.signal },
        );
        switch (outcome.result) {
          case 'APPROVED':
            return { result: 'approved', approvedBy: outcome.approvedBy };
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
