/** The sign-in requests main verified and keeps; the renderer only shows them and relays a choice. */
import { create } from 'zustand';
import type { AppErrorData } from '../../shared/errors';
import type { PendingChallengeData } from '../../shared/ipc/push';
import { api } from '../api';

/** How an answer ended, shown below the open requests so it never covers their buttons. */
export interface AnswerOutcome {
  id: string;
  /** False when it did not go through as the person chose (an error, or verification failed). */
  done: boolean;
  message: string;
  /** After a denial: the org's address, the one place to turn to (the help desk is there). */
  orgUrl: string | null;
}

interface ApprovalsState {
  /** Oldest first: requests are answered in the order they were made. */
  challenges: PendingChallengeData[];
  /** The request being answered, so its buttons cannot be pressed twice. */
  answering: string | null;
  error: AppErrorData | null;
  /** The latest answers, newest first. */
  outcomes: AnswerOutcome[];
  /** What a screen reader hears when requests arrive. */
  announcement: string;
  /** The request the person opened from its notification. */
  spotlight: string | null;
}

const KEPT_OUTCOMES = 3;

export const useApprovals = create<ApprovalsState>(() => ({ challenges: [], answering: null, error: null, outcomes: [], announcement: '', spotlight: null }));

/** Reloads the list; returns the requests that were not there before and the one to show, if any. */
export async function loadPending(): Promise<{ arrived: PendingChallengeData[]; focus: string | null }> {
  const before = new Set(useApprovals.getState().challenges.map((c) => c.id));
  const result = await api().pushPending({});
  if (!result.ok) {
    useApprovals.setState({ error: result.error });
    return { arrived: [], focus: null };
  }
  const challenges = [...result.value.challenges].sort((a, b) => a.requestedAt - b.requestedAt);
  useApprovals.setState({ challenges, error: null });
  return { arrived: challenges.filter((c) => !before.has(c.id)), focus: result.value.focus };
}

export function announce(arrived: readonly PendingChallengeData[]): void {
  if (arrived.length === 0) return;
  const [first] = arrived;
  const what = arrived.length === 1 && first ? `A sign-in request${first.app ? ` for ${first.app}` : ''} is waiting` : `${arrived.length} sign-in requests are waiting`;
  useApprovals.setState({ announcement: `${what} in Approvals.` });
}

export function spotlight(id: string | null): void {
  useApprovals.setState({ spotlight: id });
}

/** Drops what has expired by now: an expired request vanishes even before main says so. */
export function dropExpired(now: number): void {
  const { challenges } = useApprovals.getState();
  const live = challenges.filter((challenge) => challenge.expiresAt > now);
  if (live.length !== challenges.length) useApprovals.setState({ challenges: live });
}

export async function answer(challenge: PendingChallengeData, choice: 'approve' | 'deny'): Promise<void> {
  useApprovals.setState({ answering: challenge.id });
  const outcome = choice === 'approve' ? approveOutcome(challenge, await api().pushApprove({ id: challenge.id })) : denyOutcome(challenge, await api().pushDeny({ id: challenge.id }));
  useApprovals.setState((state) => ({ answering: null, outcomes: [outcome, ...state.outcomes].slice(0, KEPT_OUTCOMES) }));
  await loadPending();
}

function approveOutcome(challenge: PendingChallengeData, result: Awaited<ReturnType<ReturnType<typeof api>['pushApprove']>>): AnswerOutcome {
  if (!result.ok) return { id: challenge.id, done: false, message: result.error.message, orgUrl: null };
  const approved = result.value.result === 'approved';
  return { id: challenge.id, done: approved, message: approved ? `Approved${challenge.app ? `: ${challenge.app}` : ''}.` : result.value.message, orgUrl: null };
}

function denyOutcome(challenge: PendingChallengeData, result: Awaited<ReturnType<ReturnType<typeof api>['pushDeny']>>): AnswerOutcome {
  if (!result.ok) return { id: challenge.id, done: false, message: result.error.message, orgUrl: null };
  return { id: challenge.id, done: true, message: 'Denied. If you did not try to sign in, someone may know your password: tell your organisation’s help desk and change it.', orgUrl: challenge.org };
}
