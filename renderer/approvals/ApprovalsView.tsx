import { ApprovalCard } from './ApprovalCard';
import { useApprovals } from './approvals-store';
import './approvals.css';

/** Requests waiting on this computer; each vanishes when answered or expired. */
export function ApprovalsView() {
  const challenges = useApprovals((state) => state.challenges);
  const error = useApprovals((state) => state.error);
  return (
    <section className="approvals" aria-label="Approvals">
      {error ? <p className="banner banner-error">{error.message}</p> : null}
      {challenges.length === 0 ? (
        <p className="empty" role="status">
          No sign-in requests are waiting.
        </p>
      ) : (
        challenges.map((challenge) => <ApprovalCard key={challenge.id} challenge={challenge} />)
      )}
    </section>
  );
}

