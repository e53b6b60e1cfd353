import { useState } from 'react';
import type { EnrolResultView, RunStatusView } from '../../shared/ipc/admin';
import { api } from '../api';
import { showError, showToast } from '../store/toasts';
import { followRun, loadResults } from './admin-store';

interface CleanupPreview {
  items: { login: string }[];
  leftAlone: { login: string; reason: string; forgettable: boolean }[];
}

const OWNERSHIP = { created: 'Traykey', existing: 'already existed', unknown: '' } as const;

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
  const [confirming, setConfirming] = useState<CleanupPreview | null>(null);
  const failed = results.filter((result) => result.status === 'failed' || result.status === 'pending').length;
  // Records with no owner noted: clean-up can do nothing with them, so the dialog offers to forget them.
  const forgettable = confirming?.leftAlone.filter((entry) => entry.forgettable).map((entry) => entry.login) ?? [];

  const retry = async () => {
    const result = await api().adminRetry({ connectionId });
    if (!result.ok) return showError(result.error);
    followRun(result.value);
  };
  const previewCleanup = async () => {
    const result = await api().adminCleanupPreview({ connectionId });
    if (!result.ok) return showError(result.error);
    const { items, leftAlone } = result.value;
    if (items.length === 0 && !leftAlone.some((entry) => entry.forgettable)) return showToast({ message: 'Traykey created none of these users, so there is nothing to delete.' });
    setConfirming(result.value);
  };
  const forget = async (logins: string[]) => {
    setConfirming(null);
    const result = await api().adminForgetRecords({ connectionId, logins });
    if (!result.ok) return showError(result.error);
    showToast({ message: `Forgot ${result.value.forgotten} run records; nothing was changed in the org.` });
    await loadResults(connectionId);
  };
  const cleanUp = async (logins: string[]) => {
    setConfirming(null);
    const result = await api().adminCleanup({ connectionId, logins, count: logins.length });
    if (!result.ok) return showError(result.error);
    const deleted = result.value.filter((entry) => entry.status === 'deleted' || entry.status === 'already-gone').length;
    const kept = result.value.filter((entry) => entry.status === 'kept').length;
    showToast({ message: `Deleted ${deleted} of ${result.value.length} test users${kept ? `; ${kept} kept because they changed since Traykey created them` : ''}.`, ...(kept ? { tone: 'error' as const } : {}) });
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
              <th scope="col">Made by</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {results.map((result) => (
              <tr key={result.login}>
                <td>{result.login}</td>
                <td className="mono">{result.userId ?? ''}</td>
                <td className="mono">{result.factorId ?? ''}</td>
                <td>{OWNERSHIP[result.ownership ?? 'unknown']}</td>
                <td title={result.error}>{result.status === 'failed' ? `failed at ${result.step}` : result.status === 'skipped' ? 'left alone' : result.status}</td>
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
          {confirming.items.length > 0 ? (
            <>
              <h3 id="admin-cleanup-title">Delete {confirming.items.length} test users Traykey created?</h3>
              <p>Each is deactivated and deleted in the org if it is still as Traykey left it, and its account removed from the vault:</p>
              <ul aria-label="Users to delete">
                {confirming.items.map((item) => (
                  <li key={item.login}>{item.login}</li>
                ))}
              </ul>
            </>
          ) : (
            <h3 id="admin-cleanup-title">Traykey created none of these users, so there is nothing to delete</h3>
          )}
          {confirming.leftAlone.length > 0 ? (
            <>
              <p>Left alone:</p>
              <ul aria-label="Users left alone">
                {confirming.leftAlone.map((entry) => (
                  <li key={entry.login}>
                    {entry.login}: {entry.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="form-actions">
            <button type="button" onClick={() => setConfirming(null)}>
              Cancel
            </button>
            {forgettable.length > 0 ? (
              <button type="button" onClick={() => void forget(forgettable)}>
                Forget {forgettable.length} records
              </button>
            ) : null}
            {confirming.items.length > 0 ? (
              <button type="button" className="danger" onClick={() => void cleanUp(confirming.items.map((item) => item.login))}>
                Delete {confirming.items.length} users
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}
