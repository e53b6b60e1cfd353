/** Where updating stands, as main reports it; the Settings card and the popup's banner read the same state. */
import { useEffect, useState } from 'react';
import type { UpdateStatus } from '../../shared/ipc/updates';
import { api } from '../api';
import { showError } from '../store/toasts';

export function useUpdateStatus(): [UpdateStatus | null, (status: UpdateStatus) => void] {
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  useEffect(() => {
    const load = () => void api().updatesStatus({}).then((result) => result.ok && setStatus(result.value));
    load();
    return api().on('updates:changed', load);
  }, []);
  return [status, setStatus];
}

/** Quits and installs the downloaded update; main refuses when nothing is ready, and that sentence is shown. */
export async function restartToUpdate(): Promise<void> {
  const result = await api().updatesRestart({});
  if (!result.ok) showError(result.error);
}
