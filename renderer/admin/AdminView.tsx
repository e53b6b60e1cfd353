import './admin.css';
import { appMessage } from '../ui/app-wording';
import { useEffect } from 'react';
import { api } from '../api';
import { showToast } from '../store/toasts';
import { ConnectionForm } from './ConnectionForm';
import { ConfirmForm } from './ConfirmForm';
import { EnrolForm } from './EnrolForm';
import { ResultsTable, RunProgress } from './RunResults';
import { loadConnections, resumeFollowing, selectConnection, stopFollowing, useAdmin } from './admin-store';

/**
 * The Admin window's content: on the left the connection, the enrol form, adding a connection and
 * asking a user to confirm; on the right the run's progress and the results table, which gets the room.
 */
export function AdminView() {
  const { connections, selectedId, run, results, error } = useAdmin();
  useEffect(() => {
    void loadConnections();
    resumeFollowing();
    return stopFollowing;
  }, []);
  const selected = connections.find((connection) => connection.id === selectedId);
  const running = run?.state === 'running';

  const test = async () => {
    if (!selected) return;
    const result = await api().adminTest({ connectionId: selected.id });
    showToast(result.ok ? { message: result.value.message, tone: result.value.ok ? 'info' : 'error' } : { message: appMessage(result.error), tone: 'error' });
  };

  return (
    <main className="admin" aria-label="Admin">
      <div className="admin-side">
        {error ? <p className="banner banner-error">{error.message}</p> : null}
        {connections.length > 0 ? (
          <div className="card form">
            <h2>Connection</h2>
            <div className="field">
              <label htmlFor="admin-connection">Org</label>
              <select id="admin-connection" value={selectedId ?? ''} onChange={(event) => void selectConnection(event.target.value)}>
                {connections.map((connection) => (
                  <option key={connection.id} value={connection.id}>
                    {connection.name} ({connection.provider})
                  </option>
                ))}
              </select>
            </div>
            <div className="form-actions">
              <button type="button" onClick={() => void test()}>
                Test connection
              </button>
            </div>
          </div>
        ) : null}
        {selected ? <EnrolForm connectionId={selected.id} provider={selected.provider} running={running} /> : null}
        <ConnectionForm />
        <ConfirmForm />
      </div>
      <div className="admin-results-side">
        {run && run.connectionId === selectedId ? <RunProgress run={run} /> : null}
        {selected ? (
          <ResultsTable connectionId={selected.id} results={results} running={running} />
        ) : (
          <section className="card admin-empty">
            <h2>Test users</h2>
            <p className="hint">Add a connection to an Okta org or Auth0 tenant; the test users you enrol, their status and their live codes appear here.</p>
          </section>
        )}
      </div>
    </main>
  );
}
