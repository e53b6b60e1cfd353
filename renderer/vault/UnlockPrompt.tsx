import { useId, useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../shared/ipc/settings';
import { unlockVault } from '../store/vault';
import { appMessage } from '../ui/app-wording';

export function UnlockPrompt({ mode }: { mode: VaultStatus['mode'] }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const failure = await unlockVault(mode === 'keychain' ? undefined : passphrase);
    setBusy(false);
    if (failure) setError(appMessage(failure));
  };

  if (mode === 'keychain') {
    return (
      <main className="unlock">
        <form className="card form" onSubmit={(event) => void submit(event)}>
          <h1>Traykey is locked</h1>
          <p className="hint">Your codes are hidden until you unlock. Your system may ask you to confirm it is you.</p>
          {error ? (
            <p className="banner banner-error" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" className="primary" autoFocus disabled={busy}>
            Unlock
          </button>
        </form>
      </main>
    );
  }

  return (
    <main className="unlock">
      <form className="card form" onSubmit={(event) => void submit(event)}>
        <h1>Unlock Traykey</h1>
        <p className="hint">
          Your vault is protected by a passphrase. Enter it to see your codes.
        </p>
        <label className="field">
          <span>Passphrase</span>
          <input
            type="password"
            autoFocus
            autoComplete="current-password"
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          {error ? (
            <span id={errorId} className="field-error">
              {error}
            </span>
          ) : null}
        </label>
        <button type="submit" className="primary" disabled={busy || passphrase === ''}>
          Unlock
        </button>
      </form>
    </main>
  );
}
