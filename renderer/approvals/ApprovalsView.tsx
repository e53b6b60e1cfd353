import { ApprovalCard } from './ApprovalCard';
import { useApprovals } from './approvals-store';
import './approvals.css';

/**
 * Requests waiting on this computer, oldest first, each answerable on its own. How answers ended is
 * listed below them, so a confirmation never lies over the next request's buttons.
 */
export function ApprovalsView() {
  const challenges = useApprovals((state) => state.challenges);
  const error = useApprovals((state) => state.error);
  const outcomes = useApprovals((state) => state.outcomes);
  return (
    <section className="approvals" aria-label="Approvals">
      {error ? <p className="banner banner-error">{error.message}</p> : null}
      {challenges.length === 0 ? <p className="empty">No sign-in requests are waiting.</p> : challenges.map((challenge) => <ApprovalCard key={challenge.id} challenge={challenge} />)}
      <div className="approval-outcomes" role="status" aria-live="polite">
        {outcomes.map((outcome) => (
          <p key={outcome.id} className={`approval-outcome ${outcome.done ? 'approval-outcome-done' : 'approval-outcome-failed'}`} data-testid="approval-outcome">
            {outcome.message}
            {outcome.orgUrl ? (
              <>
                {' '}
                <a href={outcome.orgUrl} target="_blank" rel="noreferrer">
                  {outcome.orgUrl}
                </a>
              </>
            ) : null}
          </p>
        ))}
      </div>
    </section>
  );
}
