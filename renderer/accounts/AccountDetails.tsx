import { useEffect, useRef, useState } from 'react';
import type { AccountDetails as Details } from '../../shared/accounts';
import { api } from '../api';
import { displayName } from '../../shared/account-names';
import { useAccounts } from '../store/accounts';
import { openDetails } from '../store/navigation';
import { Icon } from '../ui/icons';
import { AccountQrDialog } from '../transfer/AccountQrDialog';
import { IssuerAvatar } from '../ui/IssuerAvatar';
import { RevealConfirm } from '../ui/RevealConfirm';
import { SelectField } from '../ui/SelectField';
import { appMessage } from '../ui/app-wording';
import { BRAND_ICONS } from '../ui/brand-icons';
import { findBrand, INITIALS_CHOICE } from '../ui/issuer-icon';
import { chooseIcon, useSettings } from '../store/settings';
import { showError } from '../store/toasts';
import { LiveCode } from './Code';
import { Countdown } from './Countdown';
import { countdownScope } from './countdown-clock';
import { copyAccountCode } from './row-actions';
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
  const iconChoice = useSettings((state) => state.settings?.accountIcons[id]);

  useEffect(() => {
    back.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // Escape goes back to the list; it does not also hide the popup.
      event.preventDefault();
      openDetails(null);
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
      setError(appMessage(result.error));
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
        <IssuerAvatar issuer={account.issuer} label={account.label} choice={iconChoice} />
        <h1 id="details-title" className="details-title" aria-label={displayName(account)}>
          {account.issuer || account.label}
          {account.issuer ? <span className="details-subtitle">{account.label}</span> : null}
        </h1>
      </div>
      {account.type === 'hotp' ? null : (
        <button type="button" className="details-code row-code" {...countdownScope(account.period)} aria-label={`Copy the code for ${displayName(account)}`} onClick={() => void copyAccountCode(id)}>
          <LiveCode id={id} period={account.period} />
          <Countdown period={account.period} spoken={false} />
        </button>
      )}
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
      <IconChoice id={id} issuer={account.issuer} choice={iconChoice} />
      {secretsOff ? <ManagedNote what="showing an account’s secret or QR code is switched off." /> : null}
      {stage === 'hidden' && !secretsOff ? (
        <button type="button" onClick={() => setStage('confirm')}>
          Show secret…
        </button>
      ) : null}
      {stage === 'confirm' ? (
        <RevealConfirm
          warning="Anyone who sees this secret can make this account’s codes. Show it only where nobody is watching your screen."
          confirmLabel="Show secret"
          error={error}
          onConfirm={() => void reveal()}
          onCancel={() => setStage('hidden')}
        />
      ) : null}
      {showQr ? (
        <AccountQrDialog id={id} name={displayName(account)} onClose={() => setShowQr(false)} />
      ) : secretsOff ? null : (
        <button type="button" onClick={() => setShowQr(true)}>
          Show as QR code…
        </button>
      )}
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

const ICON_OPTIONS = [...BRAND_ICONS].sort((a, b) => a.title.localeCompare(b.title)).map((icon) => ({ value: icon.slug, label: icon.title }));

/** Another brand icon or initials for this account; "automatic" matches on the issuer again. */
function IconChoice({ id, issuer, choice }: { id: string; issuer: string; choice: string | undefined }) {
  const matched = findBrand(issuer);
  const options = [{ value: '', label: matched ? `Automatic (${matched.title})` : 'Automatic (initials)' }, { value: INITIALS_CHOICE, label: 'Initials' }, ...ICON_OPTIONS];
  const change = (value: string) => void chooseIcon(id, value === '' ? null : value).then((error) => error && showError(error));
  return <SelectField label="Icon" name="icon" value={choice ?? ''} onChange={change} options={options} />;
}
