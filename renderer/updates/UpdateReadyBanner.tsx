import './updates.css';
import { restartToUpdate, useUpdateStatus } from './update-status';

/** Once an update has downloaded and been verified, every view says so, with the one button that installs it. */
export function UpdateReadyBanner() {
  const [status] = useUpdateStatus();
  if (status?.state !== 'ready') return null;
  return (
    <div className="banner update-ready" role="status">
      <span>{status.version ? `Traykey ${status.version} is ready.` : 'An update is ready.'}</span>
      <button type="button" className="update-restart" onClick={() => void restartToUpdate()}>
        Restart to update
      </button>
    </div>
  );
}
