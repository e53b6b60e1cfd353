import { useEffect, useState, type FormEvent } from 'react';
import type { AppErrorData } from '../../shared/errors';
import { TextField } from '../app/TextField';
import { saveSettings } from '../store/settings';
import { showToast } from '../store/toasts';

const MAX_MINUTES = 1440;

/** How long Traykey stays unlocked without being used; sleep and screen lock always lock it. */
export function LockAfterForm({ minutes }: { minutes: number }) {
  const [value, setValue] = useState(String(minutes));
  const [error, setError] = useState<AppErrorData | null>(null);
  useEffect(() => setValue(String(minutes)), [minutes]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = Number(value);
    if (value.trim() === '' || !Number.isInteger(parsed) || parsed < 0 || parsed > MAX_MINUTES) {
      setError({ code: 'INVALID_INPUT', field: 'lockAfterMinutes', message: `Enter a whole number of minutes from 0 (only on sleep and screen lock) to ${MAX_MINUTES}.` });
      return;
    }
    const failure = await saveSettings({ lockAfterMinutes: parsed });
    setError(failure ? { ...failure, field: 'lockAfterMinutes' } : null);
    if (!failure) showToast({ message: 'Saved.' }, 2000);
  };

  return (
    <form className="card form" aria-labelledby="lock-title" onSubmit={(event) => void submit(event)}>
      <h2 id="lock-title">Locking</h2>
      <TextField
        label="Lock after this many minutes unused"
        name="lockAfterMinutes"
        type="number"
        value={value}
        onChange={setValue}
        error={error}
        hint="Traykey also locks when the computer sleeps or the screen locks; 0 locks only then."
      />
      <div className="form-actions">
        <button type="submit" className="primary">
          Apply
        </button>
      </div>
    </form>
  );
}
