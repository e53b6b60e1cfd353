import { useState } from 'react';
import type { EnrolResultView, RunStatusView } from '../../shared/ipc/admin';
import { api } from '../api';
import { showError, showToast } from '../store/toasts';
import { useAccounts } from '../store/accounts';
import { LiveCode } from '../accounts/Code';
import { Countdown } from '../accounts/Countdown';
import { countdownScope } from '../accounts/countdown-clock';
import { copyAccountCode } from '../accounts/row-actions';
import { followRun, loadResults } from './admin-store';

interface CleanupPreview {
  items: { login: string }[];
  leftAlone: { login: string; reason: string; forgettable: boolean }[];
}

const OWNERSHIP = { created: 'Traykey', existing: 'already existed', unknown: '' } as const;

/** A run's progress: a bar with the share done, what it is doing now in words, and Cancel while it runs. */
export function RunProgress({ run }: { run: RunStatusView }) {
  const [cancelling, setCancelling] = useState(false);
  const total = Math.max(1, run.total);
  const percent = Math.round((run.done / total) * 100);
  const label =
    run.state === 'running'
      ? `Enrolling: ${run.done} of ${run.total} users (${percent}%)`
      : run.state === 'stopped'
        ? `Stopped after ${run.done} of ${run.total} users`
        : `Finished: ${run.done - run.failed} of ${run.total} enrolled, ${run.failed} failed`;
  const cancel = async () => {
    setCancelling(true);
    const result = await api().adminCancel({ runId: run.runId });
    if (!result.ok) {
      setCancelling(false);
      showError(result.error);
    }
  };
  return (
    <section className="card admin-progress" aria-label="Enrolment progress">
      <div className="admin-progress-line">
        <progress max={total} value={run.done} aria-label="Users enrolled" aria-valuetext={`${percent}%`} />
        {run.state === 'running' ? (
          <button type="button" onClick={() => void cancel()} disabled={cancelling}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : null}
      </div>
      <p role="status">{label}</p>
      {run.error ? (
        <p className="banner banner-error" role="alert">
          {run.error}
        </p>
      ) : null}
    </section>
  );
}

type StatusFilter = 'all' | 'enrolled' | 'failed' | 'pending' | 'skipped';

const FILTERS: { value: StatusFilter; label: string; matches: (status: EnrolResultView['status']) => boolean }[] = [
  { value: 'all', label: 'All', matches: () => true },
  { value: 'enrolled', label: 'Enrolled', matches: (status) => status === 'enrolled' || status === 'already-enrolled' },
  { value: 'failed', label: 'Failed', matches: (status) => status === 'failed' },
  { value: 'pending', label: 'Pending', matches: (status) => status === 'pending' },
  { value: 'skipped', label: 'Left alone', matches: (status) => status === 'skipped' },
];

function statusText(result: EnrolResultView): string {
  if (result.status === 'failed') return `failed at ${result.step}`;
  if (result.status === 'skipped') return 'left alone';
  return result.status;
}

/** The user's current code, live like the popup's rows; a click copies it (to sign in as the test user). */
function TestUserCode({ result }: { result: EnrolResultView }) {
  const account = useAccounts((state) => state.accounts.find((entry) => entry.id === result.accountId));
  if (!account) return null;
  return (
    <button type="button" className="admin-code" {...countdownScope(account.period)} aria-label={`Copy the code for ${result.login}`} onClick={() => void copyAccountCode(account.id)}>
      <LiveCode id={account.id} period={account.period} />
      <Countdown period={account.period} spoken={false} />
    </button>
  );
}

export function ResultsTable({ connectionId, results, running }: { connectionId: string; results: EnrolResultView[]; running: boolean }) {
  const [confirming, setConfirming] = useState<CleanupPreview | null>(null);
  const [filter, setFilter] = useState<StatusFilter>('all');
  const failed = results.filter((result) => result.status === 'failed' || result.status === 'pending').length;
  // Records with no owner noted: clean-up can do nothing with them, so the dialog offers to forget them.
  const forgettable = confirming?.leftAlone.filter((entry) => entry.forgettable).map((entry) => entry.login) ?? [];
  const matches = FILTERS.find((entry) => entry.value === filter)?.matches ?? (() => true);
  const shown = results.filter((result) => matches(result.status));

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
    <section className="card admin-results-card" aria-labelledby="admin-results-title">
      <div className="admin-results-head">
        <h2 id="admin-results-title">Test users</h2>
        {results.length > 0 ? (
          <div className="field admin-filter">
            <label htmlFor="admin-status-filter">Status</label>
            <select id="admin-status-filter" value={filter} onChange={(event) => setFilter(event.target.value as StatusFilter)}>
              {FILTERS.map((entry) => (
                <option key={entry.value} value={entry.value}>
                  {entry.label} ({results.filter((result) => entry.matches(result.status)).length})
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {results.length === 0 ? <p className="hint">{running ? 'The test users appear here when the run ends.' : 'No test users yet.'}</p> : null}
      {results.length > 0 ? (
        <div className="admin-results-scroll" tabIndex={0} role="region" aria-labelledby="admin-results-title">
          <table className="admin-results">
            <thead>
              <tr>
                <th scope="col">Login</th>
                <th scope="col">Code</th>
                <th scope="col">Status</th>
                <th scope="col">Made by</th>
                <th scope="col">User id</th>
                <th scope="col">Factor id</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((result) => (
                <tr key={result.login} data-status={result.status}>
                  <td>{result.login}</td>
                  <td>
                    <TestUserCode result={result} />
                  </td>
                  <td title={result.error}>{statusText(result)}</td>
                  <td>{OWNERSHIP[result.ownership ?? 'unknown']}</td>
                  <td className="mono">{result.userId ?? ''}</td>
                  <td className="mono">{result.factorId ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length === 0 ? <p className="hint">No test user has this status.</p> : null}
        </div>
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
        <div role="alertdialog" aria-labelledby="admin-cleanup-title" className="card admin-cleanup">
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
                Forget {forgettable.length === 1 ? '1 record' : `${forgettable.length} records`}
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
