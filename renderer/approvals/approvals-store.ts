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

/** How an answer ended, in one sentence for the person; `done` is false when it did not go through as chosen. */
export interface AnswerOutcome {
  done: boolean;
  message: string;
}

export async function answer(id: string, choice: 'approve' | 'deny'): Promise<AnswerOutcome> {
  useApprovals.setState({ answering: id });
  const outcome = choice === 'approve' ? approveOutcome(await api().pushApprove({ id })) : denyOutcome(await api().pushDeny({ id }));
  useApprovals.setState({ answering: null });
  await loadPending();
  return outcome;
}

function approveOutcome(result: Awaited<ReturnType<ReturnType<typeof api>['pushApprove']>>): AnswerOutcome {
  if (!result.ok) return { done: false, message: result.error.message };
  return { done: result.value.result === 'approved', message: result.value.message };
}

function denyOutcome(result: Awaited<ReturnType<ReturnType<typeof api>['pushDeny']>>): AnswerOutcome {
  return result.ok ? { done: true, message: 'Denied.' } : { done: false, message: result.error.message };
}
