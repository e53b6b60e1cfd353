import { ApprovalCard } from './ApprovalCard';
import { ApprovalSetUpPanel } from './ApprovalSetUp';
import { useApprovalSetUp } from './set-up-store';
import { useApprovals } from './approvals-store';
import './approvals.css';

/**
 * Requests waiting on this computer, oldest first, each answerable on its own. How answers ended is
 * listed below them, so a confirmation never lies over the next request's buttons; the orgs this
 * computer answers for, and setting up more, come last.
 */
export function ApprovalsView() {
  const challenges = useApprovals((state) => state.challenges);
  const error = useApprovals((state) => state.error);
  const outcomes = useApprovals((state) => state.outcomes);
  const enrolled = useApprovalSetUp((state) => state.enrolments.length > 0);
  return (
    <section className="approvals" aria-label="Approvals">
      {error ? <p className="banner banner-error">{error.message}</p> : null}
      {challenges.length > 1 ? <p className="approvals-count">{challenges.length} requests are waiting, oldest first. Answer each one.</p> : null}
      {challenges.map((challenge) => (
        <ApprovalCard key={challenge.id} challenge={challenge} />
      ))}
      {challenges.length === 0 && enrolled ? <p className="empty">No sign-in requests are waiting.</p> : null}
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
      <ApprovalSetUpPanel />
    </section>
  );
}
