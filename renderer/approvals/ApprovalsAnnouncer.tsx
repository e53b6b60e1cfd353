import './approvals.css';
import { useApprovals } from './approvals-store';

/** Says "a request is waiting" to screen readers without moving focus or changing views. */
export function ApprovalsAnnouncer() {
  const announcement = useApprovals((state) => state.announcement);
  return (
    <p className="approvals-announcer" role="status" aria-live="polite">
      {announcement}
    </p>
  );
}
