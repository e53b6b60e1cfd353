import './older-copy.css';
import { useId, useState } from 'react';
import type { OlderCopyStatus } from '../../shared/ipc/settings';
import { acceptOlderCopy } from '../store/vault';
import { appMessage } from '../ui/app-wording';

const saves = (count: number) => `${count} save${count === 1 ? '' : 's'}`;

/**
 * The vault opened read-only because it is an older copy (restored from a backup, put back by a sync
 * tool). Says what is older and what keeping it gives up; keeping it takes a second, deliberate click
 * whose default is Cancel, since the later saves are then gone from this computer for good.
 */
export function OlderCopyBanner({ older, path }: { older: OlderCopyStatus; path: string }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const textId = useId();
  const later = older.latestSave - older.save;

  const keep = async () => {
    setBusy(true);
    const failure = await acceptOlderCopy(older);
    setBusy(false);
    if (failure) {
      setError(appMessage(failure));
      setConfirming(false);
    }
  };

  return (
    <section className="banner banner-warning older-copy" aria-labelledby={titleId}>
      <p id={titleId}>
        <strong>Read-only: this vault is an older copy</strong>
      </p>
      <p>
        It is save {older.save}, but this computer recorded save {older.latestSave}: the {saves(later)} after it are not in this copy. Nothing can be changed until you choose.
      </p>
      <p className="hint">
        Have the newer copy? Quit Traykey and put it back at <span className="mono">{path}</span>.
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-labelledby={`${titleId}-confirm`} aria-describedby={textId}>
          <p id={`${titleId}-confirm`}>
            <strong>Give up the {saves(later)} after this copy?</strong>
          </p>
          <p id={textId}>
            Accounts and other changes saved in {later === 1 ? `save ${older.latestSave}` : `saves ${older.save + 1}–${older.latestSave}`} are lost on this computer. Sign-in requests sent before now will be refused.
          </p>
          <div className="form-actions">
            <button type="button" autoFocus onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button type="button" className="primary danger" aria-busy={busy} disabled={busy} onClick={() => void keep()}>
              Use this older copy
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <button type="button" onClick={() => setConfirming(true)}>
            Use this older copy…
          </button>
        </div>
      )}
    </section>
  );
}
