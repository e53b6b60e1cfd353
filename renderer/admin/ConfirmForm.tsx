import { useState, type FormEvent } from 'react';
import type { AppErrorData } from '../../shared/errors';
import { TextField } from '../ui/TextField';
import { askToConfirm, cancelConfirm, describeOutcome, useConfirm } from './confirm-store';

const FIELDS = new Set(['orgUrl', 'login', 'message', 'clientId', 'clientSecret', 'expiresInSeconds']);

/**
 * The Admin area's "Ask a user to confirm", the same as `traykey confirm okta`: a CIBA request to
 * the user's authenticator, then waiting → approved (by whom) / denied / expired. The client secret
 * stays in this form while it is on screen and goes to main only with a request.
 */
export function ConfirmForm() {
  const { waitingFor, outcome, error: callError } = useConfirm();
  const [orgUrl, setOrgUrl] = useState('');
  const [login, setLogin] = useState('');
  const [message, setMessage] = useState('');
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [expiresIn, setExpiresIn] = useState('');
  const [inputError, setInputError] = useState<AppErrorData | null>(null);
  const error = inputError ?? callError;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const seconds = Number(expiresIn);
    if (expiresIn.trim() !== '' && (!Number.isInteger(seconds) || seconds < 1 || seconds > 600)) {
      setInputError({ code: 'INVALID_INPUT', field: 'expiresInSeconds', message: 'Enter a whole number of seconds from 1 to 600, or leave it empty for Okta’s default.' });
      return;
    }
    const missing = (
      [
        ['orgUrl', orgUrl, 'Enter the Okta org address.'],
        ['login', login, 'Enter the login of the user who should confirm.'],
        ['clientId', clientId, 'Enter the client ID of the org’s CIBA app.'],
        ['clientSecret', clientSecret, 'Enter the client secret of the org’s CIBA app.'],
      ] as const
    ).find(([, value]) => value.trim() === '');
    if (missing) {
      setInputError({ code: 'INVALID_INPUT', field: missing[0], message: missing[2] });
      return;
    }
    setInputError(null);
    void askToConfirm({
      orgUrl: orgUrl.trim(),
      login: login.trim(),
      clientId: clientId.trim(),
      clientSecret,
      ...(message.trim() ? { message: message.trim() } : {}),
      ...(expiresIn.trim() ? { expiresInSeconds: seconds } : {}),
    });
  };

  return (
    <form className="card form" aria-labelledby="confirm-title" onSubmit={submit}>
      <h2 id="confirm-title">Ask a user to confirm</h2>
      <TextField label="Okta org address" name="orgUrl" value={orgUrl} onChange={setOrgUrl} error={error} placeholder="https://example.okta.com" />
      <TextField label="User’s Okta login" name="login" value={login} onChange={setLogin} error={error} />
      <TextField label="Message shown to the user (optional)" name="message" value={message} onChange={setMessage} error={error} hint="Keep it short, e.g. a ticket number the user can check." />
      <TextField label="CIBA client ID" name="clientId" value={clientId} onChange={setClientId} error={error} monospace />
      <TextField label="CIBA client secret" name="clientSecret" type="password" value={clientSecret} onChange={setClientSecret} error={error} hint="Used for this request only; Traykey does not store it." />
      <TextField label="Time to answer in seconds (optional)" name="expiresInSeconds" type="number" value={expiresIn} onChange={setExpiresIn} error={error} hint="Okta’s default is 300." />
      {error && !FIELDS.has(error.field ?? '') ? (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      ) : null}
      <p className="confirm-status" aria-live="polite">
        {waitingFor ? `Waiting for ${waitingFor} to answer on their authenticator…` : outcome ? describeOutcome(outcome) : ''}
      </p>
      <div className="form-actions">
        {waitingFor ? (
          <button type="button" onClick={() => void cancelConfirm()}>
            Stop waiting
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={waitingFor !== null}>
          Ask to confirm
        </button>
      </div>
    </form>
  );
}
