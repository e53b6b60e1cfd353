import { api } from '../api';
import { ManagedNote } from '../policy/ManagedNote';
import { usePolicy } from '../store/policy';
import { saveSettings } from '../store/settings';
import { showError } from '../store/toasts';
import { restartToUpdate, useUpdateStatus } from '../updates/update-status';

/** Where updating stands, with "Check now" and, once a download is verified, "Restart to update". */
export function UpdatesCard({ automatic }: { automatic: boolean }) {
  const [status, setStatus] = useUpdateStatus();
  const managed = usePolicy((state) => state.status?.policy.updates);
  const check = async () => {
    const result = await api().updatesCheck({});
    if (result.ok) setStatus(result.value);
    else showError(result.error);
  };
  const checksManaged = managed?.check !== undefined;
  // A copy that never updates itself gets the sentence alone: a switch and a button would do nothing.
  if (status?.state === 'unsupported') {
    return (
      <div className="card form">
        <h2>Updates</h2>
        <p role="status">{status.message}</p>
      </div>
    );
  }
  return (
    <div className="card form">
      <h2>Updates</h2>
      <p role="status">{status?.message ?? 'Loading…'}</p>
      <label className="choice">
        <input type="checkbox" role="switch" checked={automatic} disabled={checksManaged} onChange={(event) => void saveSettings({ updateChecks: event.target.checked }).then((error) => error && showError(error))} />
        <span>Check for updates automatically</span>
      </label>
      {checksManaged ? <ManagedNote what={managed?.check ? 'update checks are on.' : 'update checks are off; your IT team installs updates.'} /> : null}
      {managed?.channel ? <ManagedNote what={`updates come from the ${managed.channel} channel.`} /> : null}
      <div className="form-actions">
        {status?.state === 'ready' ? (
          <button type="button" className="primary" onClick={() => void restartToUpdate()}>
            Restart to update
          </button>
        ) : (
          <button type="button" disabled={status?.state === 'off' && checksManaged} onClick={() => void check()}>
            Check now
          </button>
        )}
      </div>
    </div>
  );
}
