/**
 * "Ask a user to confirm": the request waits in main, possibly for minutes, so its state lives here
 * and survives switching tabs. The client secret is never kept: the form passes it straight through.
 */
import { create } from 'zustand';
import type { AppErrorData } from '../../shared/errors';
import type { ConfirmOutcomeView, ConfirmRequestInput } from '../../shared/ipc/confirm';
import { api } from '../api';

interface ConfirmState {
  waitingFor: string | null;
  outcome: { login: string; view: ConfirmOutcomeView } | null;
  error: AppErrorData | null;
}

export const useConfirm = create<ConfirmState>(() => ({ waitingFor: null, outcome: null, error: null }));

export async function askToConfirm(request: ConfirmRequestInput): Promise<void> {
  if (useConfirm.getState().waitingFor) return;
  useConfirm.setState({ waitingFor: request.login, outcome: null, error: null });
  const result = await api().confirmOkta(request);
  // normalizeOrgUrl names its field `url`; the form's field is the org address.
  const error = result.ok ? null : { ...result.error, ...(result.error.field === 'url' ? { field: 'orgUrl' } : {}) };
  useConfirm.setState({ waitingFor: null, outcome: result.ok ? { login: request.login, view: result.value } : null, error });
}

export async function cancelConfirm(): Promise<void> {
  await api().confirmCancel({});
}

/** The sentence the Admin area shows for an answer, as `traykey confirm okta` prints it. */
export function describeOutcome({ login, view }: { login: string; view: ConfirmOutcomeView }): string {
  switch (view.result) {
    case 'approved':
      return `Approved by ${view.approvedBy}.`;
    case 'denied':
      return `${login} denied the request.`;
    case 'expired':
      return `The request expired before ${login} answered it.`;
    case 'cancelled':
      return 'Stopped waiting; the request expires on its own if nobody answers it.';
  }
}
