/**
 * What a traykey:// or otpauth:// link offered, while the person decides. Main holds the link (and an
 * account's secret); the renderer only ever has who or what it is for and a one-time token.
 */
import { create } from 'zustand';
import type { DeepLinkPreviewData } from '../../shared/ipc/deep-link';
import { displayName } from '../../shared/account-names';
import { api } from '../api';
import { loadApprovalSetUp, orgLabel } from '../approvals/set-up-store';
import { loadAccounts } from '../store/accounts';
import { showError, showToast } from '../store/toasts';

interface DeepLinkState {
  preview: DeepLinkPreviewData | null;
  busy: boolean;
}

export const useDeepLink = create<DeepLinkState>(() => ({ preview: null, busy: false }));

export async function loadPendingLink(): Promise<void> {
  const result = await api().deepLinkPending({});
  // A channel this window cannot serve, or nothing waiting: no preview either way.
  useDeepLink.setState({ preview: result.ok ? result.value : null });
}

export async function acceptLink(): Promise<void> {
  const { preview, busy } = useDeepLink.getState();
  if (!preview || busy) return;
  useDeepLink.setState({ busy: true });
  const result = await api().deepLinkAccept({ token: preview.token });
  // The token is spent whether or not saving or enrolling worked, so the preview goes either way.
  useDeepLink.setState({ preview: null, busy: false });
  if (!result.ok) {
    showError(result.error);
    return;
  }
  if (result.value.kind === 'enrolment') {
    showToast({ message: `This computer now approves sign-ins for ${orgLabel(result.value.enrolment)}.` });
    await loadApprovalSetUp();
    return;
  }
  showToast({ message: `Added ${displayName(result.value.account)}.` });
  await loadAccounts();
}

export async function dismissLink(): Promise<void> {
  const { preview, busy } = useDeepLink.getState();
  if (!preview || busy) return;
  useDeepLink.setState({ preview: null });
  const result = await api().deepLinkDismiss({ token: preview.token });
  if (!result.ok) showError(result.error);
}
