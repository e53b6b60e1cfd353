import { create } from 'zustand';
import type { AppErrorData } from '../../shared/errors';
import type { ConnectionSummaryView, EnrolResultView, RunStatusView } from '../../shared/ipc/admin';
import { api } from '../api';

interface AdminState {
  connections: ConnectionSummaryView[];
  selectedId: string | null;
  run: RunStatusView | null;
  results: EnrolResultView[];
  error: AppErrorData | null;
}

export const useAdmin = create<AdminState>(() => ({ connections: [], selectedId: null, run: null, results: [], error: null }));

const POLL_MS = 400;
let poller: ReturnType<typeof setTimeout> | undefined;

export async function loadConnections(): Promise<void> {
  const result = await api().adminConnections({});
  if (!result.ok) return useAdmin.setState({ error: result.error });
  const selected = useAdmin.getState().selectedId;
  const selectedId = result.value.some((connection) => connection.id === selected) ? selected : (result.value[0]?.id ?? null);
  useAdmin.setState({ connections: result.value, selectedId, error: null });
  if (selectedId) await loadResults(selectedId);
}

export async function selectConnection(id: string): Promise<void> {
  useAdmin.setState({ selectedId: id, run: null });
  await loadResults(id);
}

export async function loadResults(connectionId: string): Promise<void> {
  const result = await api().adminResults({ connectionId });
  if (result.ok) useAdmin.setState({ results: result.value });
}

/** Follows a run until it ends, then shows every recorded user of the connection. */
export function followRun(run: RunStatusView): void {
  useAdmin.setState({ run });
  clearTimeout(poller);
  const tick = async () => {
    const result = await api().adminRun({ runId: run.runId });
    if (!result.ok) return useAdmin.setState({ error: result.error });
    if (result.value.state === 'running') {
      useAdmin.setState({ run: result.value });
      poller = setTimeout(() => void tick(), POLL_MS);
      return;
    }
    // The finished run and its users appear together: never "Finished" over an empty table.
    const results = await api().adminResults({ connectionId: run.connectionId });
    useAdmin.setState(results.ok ? { run: result.value, results: results.value } : { run: result.value, error: results.error });
  };
  poller = setTimeout(() => void tick(), POLL_MS);
}

export function stopFollowing(): void {
  clearTimeout(poller);
}

/** Coming back to the Admin area during a run picks the run up again where it is now. */
export function resumeFollowing(): void {
  const { run } = useAdmin.getState();
  if (run?.state === 'running') followRun(run);
}
