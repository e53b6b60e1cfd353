import { useState } from 'react';
import type { OtherAppFormat } from '../../shared/ipc/backup';
import { api } from '../api';
import { useAccounts } from '../store/accounts';
import { showToast } from '../store/toasts';
import { RevealConfirm } from '../ui/RevealConfirm';
import './backup.css';

const FORMATS: Array<{ value: OtherAppFormat; label: string; hint: string }> = [
  { value: 'uris', label: 'otpauth:// links', hint: 'One link a line: most authenticator apps and password managers import these.' },
  { value: 'aegis', label: 'Aegis file (JSON)', hint: 'A plain Aegis vault file, for Aegis and the apps that read its format.' },
];

/** Every account in clear for another app, only after the person confirmed what that means. */
export function ExportView() {
  const count = useAccounts((state) => state.accounts.length);
  const [format, setFormat] = useState<OtherAppFormat>('uris');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    const result = await api().backupExportForApp({ format });
    setBusy(false);
    // A failed save keeps the confirmation open with the reason, so the person can try again or cancel.
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setConfirming(false);
    if (result.value.saved) showToast({ message: `Exported ${result.value.count} accounts in clear to ${result.value.file}. Delete it once the other app has imported it.` }, 8000);
  };

  return (
    <section className="backup" aria-labelledby="export-title">
      <h1 id="export-title">Export to another app</h1>
      <fieldset className="card choices">
        <legend>File format</legend>
        {FORMATS.map((option) => (
          <label key={option.value} className="choice">
            <input type="radio" name="export-format" value={option.value} checked={format === option.value} onChange={() => setFormat(option.value)} />
            <span>
              {option.label}
              <span className="hint"> {option.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {confirming ? (
        <RevealConfirm
          warning={`The file holds the secrets of ${count === 1 ? '1 account' : `${count} accounts`} in clear: anyone who reads it can copy these accounts. Delete it once the other app has imported it.`}
          confirmLabel="Save file in clear…"
          busy={busy}
          error={error}
          onConfirm={() => void save()}
          onCancel={() => {
            setConfirming(false);
            setError(null);
          }}
        />
      ) : (
        <div className="form-actions">
          <button type="button" className="primary" disabled={count === 0} onClick={() => setConfirming(true)}>
            Export…
          </button>
        </div>
      )}
    </section>
  );
}
