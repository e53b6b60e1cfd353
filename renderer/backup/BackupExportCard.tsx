import { useState, type FormEvent } from 'react';
import type { AppErrorData } from '../../shared/errors';
import { api } from '../api';
import { showToast } from '../store/toasts';
import { TextField } from '../ui/TextField';
import { PassphraseMeter, usePassphraseVerdict } from './PassphraseMeter';

/** "Back up": every account, encrypted with a passphrase, to a file main writes where the person says. */
export function BackupExportCard() {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const verdict = usePassphraseVerdict(passphrase);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (again !== passphrase) return setError({ code: 'INVALID_INPUT', message: 'The two passphrases differ.', field: 'again' });
    setBusy(true);
    setError(null);
    const result = await api().backupExport({ passphrase });
    setBusy(false);
    if (!result.ok) return setError({ ...result.error, field: result.error.field ?? 'passphrase' });
    if (!result.value.saved) return;
    setPassphrase('');
    setAgain('');
    showToast({ message: `Backed up ${result.value.count} accounts to ${result.value.file}.` });
  };

  return (
    <form className="card form" aria-labelledby="backup-export-title" onSubmit={(event) => void submit(event)}>
      <h2 id="backup-export-title">Back up</h2>
      <p className="hint">An encrypted file of every account. Keep the passphrase safe: without it the backup cannot be opened.</p>
      <TextField label="Backup passphrase" name="passphrase" type="password" value={passphrase} onChange={setPassphrase} error={error} />
      <PassphraseMeter verdict={verdict} />
      <TextField label="Same passphrase again" name="again" type="password" value={again} onChange={setAgain} error={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !verdict?.ok || again === ''}>
          Save backup…
        </button>
      </div>
    </form>
  );
}
