import { useState, type FormEvent } from 'react';
import type { AccountSummary, OtpAlgorithm, OtpType } from '../../shared/accounts';
import type { AppErrorData, Result } from '../../shared/errors';
import { api } from '../api';
import { displayName } from '../../shared/account-names';
import { loadAccounts, select } from '../store/accounts';
import { goTo } from '../store/navigation';
import { showToast } from '../store/toasts';
import { TextField } from '../ui/TextField';
import { SelectField } from '../ui/SelectField';
import { AddTabs } from '../navigation/AddTabs';

// Spelled out rather than imported: shared/accounts' values would pull zod into the bundle, and
// zod probes `new Function`, which the page's CSP (rightly) reports as a violation.
const ALGORITHMS: { value: OtpAlgorithm; label: string }[] = [
  { value: 'SHA1', label: 'SHA-1 (most sites)' },
  { value: 'SHA256', label: 'SHA-256' },
  { value: 'SHA512', label: 'SHA-512' },
];

const TYPES: { value: OtpType; label: string }[] = [
  { value: 'totp', label: 'Time-based (TOTP)' },
  { value: 'hotp', label: 'Counter (HOTP)' },
  { value: 'steam', label: 'Steam Guard' },
];

async function finish(result: Result<AccountSummary>): Promise<AppErrorData | null> {
  if (!result.ok) return result.error;
  await loadAccounts();
  select(result.value.id);
  goTo('accounts');
  showToast({ message: `Added ${displayName(result.value)}.` }, 3000);
  return null;
}

export function AddAccountView() {
  return (
    <section className="add" aria-label="Add an account">
      <AddTabs />
      <UriForm />
      <ManualForm />
    </section>
  );
}

function UriForm() {
  const [uri, setUri] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(await finish(await api().accountsAddUri({ uri: uri.trim() })));
  };
  return (
    <form className="card form" aria-labelledby="uri-title" onSubmit={(event) => void submit(event)}>
      <h2 id="uri-title">Paste a setup link</h2>
      <TextField label="otpauth:// link" name="uri" value={uri} onChange={setUri} error={error ? { ...error, field: 'uri' } : null} placeholder="otpauth://totp/…" monospace />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={uri.trim() === ''}>
          Add from link
        </button>
      </div>
    </form>
  );
}

function ManualForm() {
  const [secret, setSecret] = useState('');
  const [issuer, setIssuer] = useState('');
  const [label, setLabel] = useState('');
  const [type, setType] = useState<OtpType>('totp');
  const [algorithm, setAlgorithm] = useState<OtpAlgorithm>('SHA1');
  const [digits, setDigits] = useState('6');
  const [period, setPeriod] = useState('30');
  const [counter, setCounter] = useState('0');
  const [error, setError] = useState<AppErrorData | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const number = (field: string, text: string): number | null => {
      const value = Number(text);
      if (text.trim() !== '' && Number.isInteger(value)) return value;
      setError({ code: 'INVALID_INPUT', field, message: 'Enter a whole number.' });
      return null;
    };
    const parsedDigits = type === 'steam' ? 5 : number('digits', digits);
    const parsedPeriod = number('period', period);
    const parsedCounter = type === 'hotp' ? number('counter', counter) : 0;
    if (parsedDigits === null || parsedPeriod === null || parsedCounter === null) return;
    const result = await api().accountsAdd({
      secret,
      issuer: issuer.trim(),
      label: label.trim(),
      type,
      algorithm,
      digits: parsedDigits,
      period: parsedPeriod,
      ...(type === 'hotp' ? { counter: parsedCounter } : {}),
    });
    setError(await finish(result));
  };

  const formError = error && !['secret', 'issuer', 'label', 'type', 'algorithm', 'digits', 'period', 'counter'].includes(error.field ?? '') ? error : null;
  const advancedError = error && ['type', 'algorithm', 'digits', 'period', 'counter'].includes(error.field ?? '');

  return (
    <form className="card form" aria-labelledby="manual-title" onSubmit={(event) => void submit(event)}>
      <h2 id="manual-title">Enter a setup key</h2>
      <TextField label="Secret key" name="secret" value={secret} onChange={setSecret} error={error} hint="The base32 key the site shows; spaces are fine." required monospace />
      <TextField label="Issuer" name="issuer" value={issuer} onChange={setIssuer} error={error} placeholder="ACME" />
      <TextField label="Account name" name="label" value={label} onChange={setLabel} error={error} placeholder="alice@example.com" required />
      <details className="advanced" open={advancedError || undefined}>
        <summary>Advanced</summary>
        <SelectField label="Type" name="type" value={type} onChange={(value) => setType(value as OtpType)} options={TYPES} error={error} />
        <SelectField
          label="Algorithm"
          name="algorithm"
          value={algorithm}
          onChange={(value) => setAlgorithm(value as OtpAlgorithm)}
          options={ALGORITHMS}
          error={error}
        />
        {type === 'steam' ? null : <TextField label="Digits" name="digits" type="number" value={digits} onChange={setDigits} error={error} />}
        {type === 'hotp' ? (
          <TextField label="Counter" name="counter" type="number" value={counter} onChange={setCounter} error={error} />
        ) : (
          <TextField label="Period (seconds)" name="period" type="number" value={period} onChange={setPeriod} error={error} />
        )}
      </details>
      {formError ? (
        <p className="field-error" role="alert">
          {formError.message}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary">
          Add account
        </button>
      </div>
    </form>
  );
}
