import { useEffect, useState } from 'react';
import type { PendingChallengeData } from '../../shared/ipc/push';
import { answer, useApprovals } from './approvals-store';
import { showToast } from '../store/toasts';

function secondsLeft(expiresAt: number): number {
  return Math.max(0, Math.ceil((expiresAt - Date.now()) / 1000));
}

function formatTime(iso: string | null): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date.toLocaleString();
}

/** One request: what it says, and two explicit choices. Nothing is chosen by default. */
export function ApprovalCard({ challenge }: { challenge: PendingChallengeData }) {
  const answering = useApprovals((state) => state.answering);
  const [left, setLeft] = useState(() => secondsLeft(challenge.expiresAt));
  useEffect(() => {
    const tick = setInterval(() => setLeft(secondsLeft(challenge.expiresAt)), 1000);
    return () => clearInterval(tick);
  }, [challenge.expiresAt]);

  const choose = async (choice: 'approve' | 'deny') => {
    const outcome = await answer(challenge.id, choice);
    if (outcome.done) showToast({ message: outcome.message }, 3000);
    else showToast({ message: outcome.message, tone: 'error' });
  };

  const titleId = `approval-${challenge.id}`;
  const kind = challenge.transactionType === 'CIBA' ? 'Confirm a request' : 'Sign-in request';
  const when = formatTime(challenge.transactionTime);
  const busy = answering === challenge.id;
  return (
    <article className="card approval" aria-labelledby={titleId} data-testid="approval">
      <h2 id={titleId}>
        {kind}
        {challenge.app ? ` for ${challenge.app}` : ''}
      </h2>
      {challenge.bindingMessage !== null ? (
        <p className="approval-message" aria-label="Message from the requester">
          {challenge.bindingMessage}
        </p>
      ) : null}
      <dl className="approval-facts">
        <dt>App</dt>
        <dd>{challenge.app ?? 'Not named'}</dd>
        <dt>Device</dt>
        <dd>{challenge.clientOS ?? 'Unknown'}</dd>
        <dt>Location</dt>
        <dd>{challenge.location ?? 'Unknown'}</dd>
        <dt>Time</dt>
        <dd>{when ?? 'Unknown'}</dd>
        <dt>Organisation</dt>
        <dd>{challenge.org}</dd>
      </dl>
      <p className="approval-expiry" aria-live="off">
        Expires in {left} s. Nothing happens unless you choose.
      </p>
      <div className="form-actions">
        <button type="button" className="danger" disabled={busy} onClick={() => void choose('deny')}>
          Deny
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void choose('approve')}>
          Approve
        </button>
      </div>
    </article>
  );
}
