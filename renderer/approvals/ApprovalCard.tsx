import { useEffect, useRef, useState } from 'react';
import type { PendingChallengeData } from '../../shared/ipc/push';
import { countdown, friendlyOs, orgLabel, relativeTime } from '../../shared/push/request-wording';
import { answer, useApprovals } from './approvals-store';

/** Re-renders once a second: the expiry countdown and "2 min ago" move on their own. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  return now;
}

function warnings(challenge: PendingChallengeData, os: string | null): string[] {
  const lines: string[] = [];
  if (challenge.burst) lines.push('Several requests arrived within seconds. If you did not just try to sign in more than once, someone else may be trying: deny them all.');
  const places = [challenge.newOS && os ? os : null, challenge.newLocation && challenge.location ? challenge.location : null].filter((p): p is string => p !== null);
  if (places.length > 0) lines.push(`You have not approved a sign-in from ${places.join(' in ')} before.`);
  return lines;
}

/**
 * One request: who, what, where, when and which org, the requester's message first, and two choices
 * of equal weight. Nothing is focused or chosen when it appears.
 */
export function ApprovalCard({ challenge }: { challenge: PendingChallengeData }) {
  const busy = useApprovals((state) => state.answering === challenge.id);
  const spotlit = useApprovals((state) => state.spotlight === challenge.id);
  const now = useNow();
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    if (spotlit) card.current?.scrollIntoView({ block: 'nearest' });
  }, [spotlit]);

  const titleId = `approval-${challenge.id}`;
  const os = friendlyOs(challenge.clientOS);
  const org = orgLabel(challenge.orgName, challenge.org);
  const kind = challenge.transactionType === 'CIBA' ? 'Confirm a request' : 'Sign-in request';
  const where = [os ?? 'Unknown device', challenge.location ?? 'unknown location'].join(', ');
  const alerts = warnings(challenge, os);
  return (
    <article ref={card} className={`card approval${spotlit ? ' approval-spotlit' : ''}${alerts.length > 0 ? ' approval-flagged' : ''}`} aria-labelledby={titleId} data-testid="approval">
      <p className="approval-kind">
        {kind} · {org}
      </p>
      {challenge.bindingMessage !== null ? (
        <p className="approval-message" aria-label="Message from the requester">
          {challenge.bindingMessage}
        </p>
      ) : null}
      <h2 id={titleId} className="approval-title">
        {challenge.transactionType === 'CIBA' ? 'Is this request from you?' : `Are you signing in${challenge.app ? ` to ${challenge.app}` : ''}?`}
      </h2>
      <dl className="approval-facts">
        <dt>Who</dt>
        <dd>{challenge.user ?? 'Your account'}</dd>
        <dt>App</dt>
        <dd>{challenge.app ?? 'Not named'}</dd>
        <dt>Where</dt>
        <dd>{where}</dd>
        <dt>When</dt>
        <dd>
          <time dateTime={new Date(challenge.requestedAt).toISOString()} title={new Date(challenge.requestedAt).toLocaleString()}>
            {relativeTime(challenge.requestedAt, now)}
          </time>
        </dd>
        <dt>Organisation</dt>
        <dd>{org}</dd>
      </dl>
      {alerts.map((line) => (
        <p key={line} className="approval-warning">
          <span aria-hidden="true">⚠ </span>
          {line}
        </p>
      ))}
      {challenge.verifies ? <p className="approval-note">Approve asks your computer to confirm it is you (Touch ID).</p> : null}
      <p className="approval-expiry">Expires in {countdown(challenge.expiresAt, now)}. Nothing happens unless you choose.</p>
      <div className="approval-actions">
        <button type="button" className="approval-choice" disabled={busy} onClick={() => void answer(challenge, 'deny')}>
          No, it wasn’t me
        </button>
        <button type="button" className="approval-choice" disabled={busy} onClick={() => void answer(challenge, 'approve')}>
          Yes, approve
        </button>
      </div>
    </article>
  );
}
