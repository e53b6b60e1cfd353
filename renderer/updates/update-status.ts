/** Where updating stands, as main reports it; the Settings card and the popup's banner read the same state. */
import type { UpdateStatus } from '../../shared/ipc/updates';
import { api } from '../api';
import { showError } from '../store/toasts';
import { useMainStatus } from '../store/use-main-status';

export function useUpdateStatus(): [UpdateStatus | null, (status: UpdateStatus) => void] {
  return useMainStatus(() => api().updatesStatus({}), 'updates:changed');
}

/** Quits and installs the downloaded update; main refuses when nothing is ready, and that sentence is shown. */
export async function restartToUpdate(): Promise<void> {
  const result = await api().updatesRestart({});
  if (!result.ok) showError(result.error);
}
