import { useEffect, useState, type FormEvent } from 'react';
import type { PushEnrolmentData } from '../../shared/ipc/push';
import { ManagedNote } from '../policy/ManagedNote';
import { TextField } from '../ui/TextField';
import { orgLabel, removeOrg, setUpOrg, setUserVerification, useApprovalSetUp, watchApprovalSetUp } from './set-up-store';

const BROWSER_WAIT = 'Finish signing in in your browser…';

/**
 * One button per org the organisation set up and this computer has not enrolled: discovery, the browser
 * sign-in and enrolment in one step. Shown on first run and in Approvals.
 */
export function ApprovalOffers() {
  useEffect(watchApprovalSetUp, []);
  const offers = useApprovalSetUp((state) => state.setUp.offers);
  const busyOrg = useApprovalSetUp((state) => state.busyOrg);
  if (offers.length === 0) return null;
  return (
    <div className="approval-offers">
      {offers.map((offer) => (
        <div key={offer.org} className="approval-offer">
          <button type="button" className="primary" disabled={busyOrg !== null} aria-busy={busyOrg === offer.org} onClick={() => void setUpOrg(offer.org, offer.clientId, offer.name)}>
            Set up sign-in approvals for {offer.name}
          </button>
          <p className="hint">{busyOrg === offer.org ? BROWSER_WAIT : `You will sign in to ${new URL(offer.org).host} in your browser once.`}</p>
        </div>
      ))}
      <ManagedNote what="your organisation chose these orgs for sign-in approvals." />
    </div>
  );
}

/**
 * Whether this org's approvals use the OS prompt. Offered only where this computer has one; a key that
 * is there without a prompt (a vault from another computer) can still be removed.
 */
function UserVerificationControl({ enrolment, name }: { enrolment: PushEnrolmentData; name: string }) {
  const busyOrg = useApprovalSetUp((state) => state.busyOrg);
  const verifier = useApprovalSetUp((state) => state.setUp.userVerifier);
  const on = enrolment.userVerification;
  if (!on && verifier === null) return null;
  const prompt = verifier ?? 'user verification';
  const busy = busyOrg === enrolment.org;
  return (
    <div className="enrolment-uv">
      <p className="hint">
        {busy
          ? on
            ? BROWSER_WAIT
            : `Confirm with ${prompt}, then finish signing in in your browser…`
          : on
            ? `${prompt} confirms it is you when ${name} asks for it.`
            : `Use ${prompt} when ${name} asks to verify it is you.`}
      </p>
      <button type="button" disabled={busyOrg !== null} aria-busy={busy} onClick={() => void setUserVerification(enrolment, !on, prompt)}>
        {on ? `Stop using ${prompt}` : `Use ${prompt}`}
      </button>
    </div>
  );
}

function EnrolmentRow({ enrolment }: { enrolment: PushEnrolmentData }) {
  const busyOrg = useApprovalSetUp((state) => state.busyOrg);
  const [confirming, setConfirming] = useState(false);
  const name = orgLabel(enrolment);
  return (
    <li className="enrolment">
      <div className="enrolment-who">
        <strong>{name}</strong>
        <span className="hint">{[enrolment.username, enrolment.authenticator].filter(Boolean).join(' · ')}</span>
      </div>
      <UserVerificationControl enrolment={enrolment} name={name} />
      {confirming ? (
        <div className="enrolment-confirm" role="group" aria-label={`Remove approvals for ${name}`}>
          <p className="hint">Stop approving sign-ins for {name} here? You confirm by signing in to it in your browser.</p>
          <div className="form-actions">
            <button type="button" autoFocus onClick={() => setConfirming(false)}>
              Keep
            </button>
            <button type="button" className="primary danger" disabled={busyOrg !== null} aria-busy={busyOrg === enrolment.org} onClick={() => void removeOrg(enrolment)}>
              Remove
            </button>
          </div>
          {busyOrg === enrolment.org ? <p className="hint">{BROWSER_WAIT}</p> : null}
        </div>
      ) : (
        <button type="button" disabled={busyOrg !== null} onClick={() => setConfirming(true)}>
          Remove…
        </button>
      )}
    </li>
  );
}

/** Any other org, where the organisation allows it: the org's address and its Traykey app's client id. */
function OtherOrgForm() {
  const busyOrg = useApprovalSetUp((state) => state.busyOrg);
  const error = useApprovalSetUp((state) => state.error);
  const [org, setOrg] = useState('');
  const [clientId, setClientId] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let name = org;
    try {
      name = new URL(org).hostname;
    } catch {
      // main answers with the sentence for an address it cannot use
    }
    if (await setUpOrg(org.trim(), clientId.trim(), name)) {
      setOrg('');
      setClientId('');
    }
  };
  return (
    <details className="advanced other-org">
      <summary>Set up approvals for another org</summary>
      <form className="form" onSubmit={(event) => void submit(event)}>
        <TextField label="Org address" name="url" value={org} onChange={setOrg} placeholder="https://example.okta.com" required error={error} />
        <TextField label="Client ID" name="clientId" value={clientId} onChange={setClientId} hint="From your IT team: the Traykey app in your Okta org." required monospace error={error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busyOrg !== null} aria-busy={busyOrg === org.trim()}>
            Set up
          </button>
        </div>
      </form>
    </details>
  );
}

/** Approvals → the orgs this computer answers for, with set-up and removal. */
export function ApprovalSetUpPanel() {
  useEffect(watchApprovalSetUp, []);
  const enrolments = useApprovalSetUp((state) => state.enrolments);
  const loaded = useApprovalSetUp((state) => state.loaded);
  const otherOrgsAllowed = useApprovalSetUp((state) => state.setUp.otherOrgsAllowed);
  const verifier = useApprovalSetUp((state) => state.setUp.userVerifier);
  const error = useApprovalSetUp((state) => state.error);
  if (!loaded) return null;
  return (
    <section className="card approval-set-up" aria-labelledby="approval-set-up-title">
      <h2 id="approval-set-up-title">Sign-in approvals</h2>
      {enrolments.length === 0 ? <p className="hint">Not set up on this computer yet.</p> : (
        <ul className="enrolments">
          {enrolments.map((enrolment) => (
            <EnrolmentRow key={enrolment.id} enrolment={enrolment} />
          ))}
        </ul>
      )}
      {enrolments.length > 0 && verifier === null ? (
        <p className="hint">Traykey can confirm it is you only with Touch ID on a Mac, so a sign-in an org requires that for cannot be approved on this computer.</p>
      ) : null}
      {error && !error.field ? (
        <p className="banner banner-error" role="alert">
          {error.message}
        </p>
      ) : null}
      <ApprovalOffers />
      {otherOrgsAllowed ? <OtherOrgForm /> : null}
    </section>
  );
}
