import { useEffect, useRef, useState } from 'react';
import type { AccountDetails as Details } from '../../shared/accounts';
import { api } from '../api';
import { displayName, useAccounts } from '../store/accounts';
import { openDetails } from '../store/navigation';
import { Icon } from '../ui/icons';
import { AccountQrDialog } from '../transfer/AccountQrDialog';
import { ManagedNote } from '../policy/ManagedNote';
import { useFeatureOff } from '../store/policy';

/** One account's settings; the secret is fetched only after the user confirms, and dropped on close. */
export function AccountDetails({ id }: { id: string }) {
  const account = useAccounts((state) => state.accounts.find((entry) => entry.id === id));
  const [stage, setStage] = useState<'hidden' | 'confirm' | 'shown'>('hidden');
  const [revealed, setRevealed] = useState<Details | null>(null);
  const secretsOff = useFeatureOff('showSecret');
  const [error, setError] = useState<string | null>(null);
  const [showQr, setShowQr] = useState(false);
  const back = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    back.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') openDetails(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (!account) {
    return (
      <section className="details">
        <p className="empty">This account no longer exists.</p>
        <button type="button" onClick={() => openDetails(null)}>
          Back to accounts
        </button>
      </section>
    );
  }

  const reveal = async () => {
    const result = await api().accountsReveal({ id });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setRevealed(result.value);
    setStage('shown');
  };

  return (
    <section className="details" aria-labelledby="details-title">
      <div className="details-head">
        <button ref={back} type="button" className="icon-button" aria-label="Back to accounts" onClick={() => openDetails(null)}>
          <Icon name="back" />
        </button>
        <h1 id="details-title">{displayName(account)}</h1>
      </div>
      <dl className="facts">
        <dt>Type</dt>
        <dd>{account.type === 'hotp' ? 'Counter (HOTP)' : account.type === 'steam' ? 'Steam Guard' : 'Time-based (TOTP)'}</dd>
        <dt>Algorithm</dt>
        <dd>{account.algorithm}</dd>
        <dt>Digits</dt>
        <dd>{account.digits}</dd>
        {account.type === 'hotp' ? (
          <>
            <dt>Counter</dt>
            <dd>{account.counter ?? 0}</dd>
          </>
        ) : (
          <>
            <dt>Period</dt>
            <dd>{account.period} s</dd>
          </>
        )}
      </dl>
      {secretsOff ? <ManagedNote what="showing an account’s secret or QR code is switched off." /> : null}
      {stage === 'hidden' && !secretsOff ? (
        <button type="button" onClick={() => setStage('confirm')}>
          Show secret…
        </button>
      ) : null}
      {showQr ? (
        <AccountQrDialog id={id} name={displayName(account)} onClose={() => setShowQr(false)} />
      ) : secretsOff ? null : (
        <button type="button" onClick={() => setShowQr(true)}>
          Show as QR code…
        </button>
      )}
      {stage === 'confirm' ? (
        <div className="confirm" role="alertdialog" aria-labelledby="confirm-text">
          <p id="confirm-text">Anyone who sees this secret can make this account’s codes. Show it only where nobody is watching your screen.</p>
          <div className="form-actions">
            <button type="button" autoFocus onClick={() => setStage('hidden')}>
              Cancel
            </button>
            <button type="button" className="primary danger" onClick={() => void reveal()}>
              Show secret
            </button>
          </div>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
      {stage === 'shown' && revealed ? (
        <div className="secret">
          <label className="field">
            <span>Secret</span>
            <input readOnly className="mono" value={revealed.secret} />
          </label>
          <label className="field">
            <span>otpauth URI</span>
            <textarea readOnly className="mono" rows={3} value={revealed.uri} />
          </label>
          <button
            type="button"
            onClick={() => {
              setRevealed(null);
              setStage('hidden');
            }}
          >
            Hide secret
          </button>
        </div>
      ) : null}
    </section>
  );
}
