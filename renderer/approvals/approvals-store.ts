/** The sign-in requests main verified and keeps; the renderer only shows them and relays a choice. */
import { create } from 'zustand';
import type { AppErrorData } from '../../shared/errors';
import type { PendingChallengeData } from '../../shared/ipc/push';
import { api } from '../api';

interface ApprovalsState {
  challenges: PendingChallengeData[];
  /** The request being answered, so its buttons cannot be pressed twice. */
  answering: string | null;
  error: AppErrorData | null;
}

export const useApprovals = create<ApprovalsState>(() => ({ challenges: [], answering: null, error: null }));

export async function loadPending(): Promise<number> {
  const result = await api().pushPending({});
  if (!result.ok) {
    useApprovals.setState({ error: result.error });
    return useApprovals.getState().challenges.length;
  }
  useApprovals.setState({ challenges: result.value.challenges, error: null });
  return result.value.challenges.length;
}

/** Drops what has expired by now: an expired request vanishes even before main says so. */
export function dropExpired(now: number): void {
  const { challenges } = useApprovals.getState();
  const live = challenges.filter((challenge) => challenge.expiresAt > now);
  if (live.length !== challenges.length) useApprovals.setState({ challenges: live });
}

export async function answer(id: string, choice: 'approve' | 'deny'): Promise<AppErrorData | null> {
  useApprovals.setState({ answering: id });
  const result = choice === 'approve' ? await api().pushApprove({ id }) : await api().pushDeny({ id });
  useApprovals.setState({ answering: null });
  await loadPending();
  return result.ok ? null : result.error;
}
