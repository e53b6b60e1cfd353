import { useState } from 'react';
import type { EnrolResultView, RunStatusView } from '../../shared/ipc/admin';
import { api } from '../api';
import { showError, showToast } from '../store/toasts';
import { followRun, loadResults } from './admin-store';

export function RunProgress({ run }: { run: RunStatusView }) {
  const label = run.state === 'running' ? `Enrolling: ${run.done} of ${run.total} users` : `Finished: ${run.done - run.failed} of ${run.total} enrolled, ${run.failed} failed`;
  return (
    <div className="card" aria-label="Enrolment progress">
      <progress max={Math.max(1, run.total)} value={run.done} aria-label="Users enrolled" />
      <p role="status">{label}</p>
      {run.error ? (
        <p className="banner banner-error" role="alert">
          {run.error}
        </p>
      ) : null}
    </div>
  );
}

export function ResultsTable({ connectionId, results, running }: { connectionId: string; results: EnrolResultView[]; running: boolean }) {
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const failed = results.filter((result) => result.status !== 'enrolled').length;

  const retry = async () => {
    const result = await api().adminRetry({ connectionId });
    if (!result.ok) return showError(result.error);
    followRun(result.value);
  };
  const previewCleanup = async () => {
    const result = await api().adminCleanupPreview({ connectionId });
    if (!result.ok) return showError(result.error);
    setConfirming(result.value.logins);
  };
  const cleanUp = async (logins: string[]) => {
    setConfirming(null);
    const result = await api().adminCleanup({ connectionId, logins });
    if (!result.ok) return showError(result.error);
    const deleted = result.value.filter((entry) => entry.status === 'deleted').length;
    showToast({ message: `Deleted ${deleted} of ${result.value.length} test users.` });
    await loadResults(connectionId);
  };

  return (
    <section className="card" aria-labelledby="admin-results-title">
      <h2 id="admin-results-title">Test users</h2>
      {results.length === 0 ? <p className="hint">{running ? 'The test users appear here when the run ends.' : 'No test users yet.'}</p> : null}
      {results.length > 0 ? (
        <table className="admin-results">
          <thead>
            <tr>
              <th scope="col">Login</th>
              <th scope="col">User id</th>
              <th scope="col">Factor id</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {results.map((result) => (
              <tr key={result.login}>
                <td>{result.login}</td>
                <td className="mono">{result.userId ?? ''}</td>
                <td className="mono">{result.factorId ?? ''}</td>
                <td title={result.error}>{result.status === 'failed' ? `failed at ${result.step}` : result.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="form-actions">
        <button type="button" onClick={() => void retry()} disabled={running || failed === 0}>
          Retry failed
        </button>
        <button type="button" onClick={() => void previewCleanup()} disabled={running || results.length === 0}>
          Clean up
        </button>
      </div>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="admin-cleanup-title" className="card">
          <h3 id="admin-cleanup-title">Delete {confirming.length} test users?</h3>
          <p>They are deactivated and deleted in the org, and their accounts removed from the vault:</p>
          <ul aria-label="Users to delete">
            {confirming.map((login) => (
              <li key={login}>{login}</li>
            ))}
          </ul>
          <div className="form-actions">
            <button type="button" onClick={() => setConfirming(null)}>
              Cancel
            </button>
            <button type="button" className="danger" onClick={() => void cleanUp(confirming)}>
              Delete them
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
