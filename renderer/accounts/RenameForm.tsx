import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { AccountSummary } from '../../shared/accounts';
import type { AppErrorData } from '../../shared/errors';
import { rename, startRename } from '../store/accounts';
import { TextField } from '../ui/TextField';

export function RenameForm({ account }: { account: AccountSummary }) {
  const [issuer, setIssuer] = useState(account.issuer);
  const [label, setLabel] = useState(account.label);
  const [error, setError] = useState<AppErrorData | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(await rename(account.id, issuer.trim(), label.trim()));
  };
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      startRename(null);
    }
  };

  return (
    <form className="rename" aria-label={`Rename ${account.label}`} onSubmit={(event) => void submit(event)} onKeyDown={cancelOnEscape}>
      <TextField label="Issuer" name="issuer" value={issuer} onChange={setIssuer} error={error} autoFocus />
      <TextField label="Label" name="label" value={label} onChange={setLabel} error={error} required />
      {error && error.field !== 'issuer' && error.field !== 'label' ? (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" onClick={() => startRename(null)}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save
        </button>
      </div>
    </form>
  );
}
