/** One message at a time at the bottom of the popup, optionally with one action (Undo). */
import { create } from 'zustand';
import { timerDelay } from '../../shared/timer-delay';
import type { AppErrorData } from '../../shared/errors';
import { appMessage } from '../ui/app-wording';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

interface ToastState {
  toast: Toast | null;
}

export const useToasts = create<ToastState>(() => ({ toast: null }));

let counter = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

export function showToast(toast: Omit<Toast, 'id' | 'tone'> & { tone?: Toast['tone'] }, durationMs = 6000): number {
  counter += 1;
  const id = counter;
  useToasts.setState({ toast: { tone: 'info', ...toast, id } });
  clearTimeout(timer);
  timer = setTimeout(() => dismissToast(id), timerDelay(durationMs));
  return id;
}

export function dismissToast(id?: number): void {
  const current = useToasts.getState().toast;
  if (current && (id === undefined || current.id === id)) useToasts.setState({ toast: null });
}

/** An error from main, in the app's words (see ui/app-wording.ts). */
export function showError(error: Pick<AppErrorData, 'code' | 'message'>): number {
  return showToast({ message: appMessage(error), tone: 'error' });
}
