import { useState, type FormEvent } from 'react';
import type { AppErrorData } from '../../shared/errors';
import { api } from '../api';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { followRun } from './admin-store';

const FACTORS = [
  { value: 'GOOGLE', label: 'Google Authenticator (TOTP)' },
  { value: 'OKTA', label: 'Okta Verify (TOTP)' },
] as const;

export function EnrolForm({ connectionId, provider, running }: { connectionId: string; provider: 'okta' | 'auth0'; running: boolean }) {
  const [count, setCount] = useState('10');
  const [prefix, setPrefix] = useState('testuser');
  const [emailDomain, setEmailDomain] = useState('example.com');
  const [csv, setCsv] = useState('');
  const [groups, setGroups] = useState('');
  const [factor, setFactor] = useState<'GOOGLE' | 'OKTA'>('GOOGLE');
  const [error, setError] = useState<AppErrorData | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = Number(count);
    if (!csv.trim() && (!Number.isInteger(parsed) || parsed < 1 || parsed > 1000)) {
      return setError({ code: 'INVALID_INPUT', field: 'count', message: 'Enter how many users, from 1 to 1000.' });
    }
    const groupIds = provider === 'okta' ? groups.split(/[\s,]+/).filter(Boolean) : [];
    const result = await api().adminEnrol({ connectionId, ...(csv.trim() ? { csv } : { count: parsed, prefix }), emailDomain, groupIds, factorProvider: factor });
    if (!result.ok) return setError(result.error);
    setError(null);
    followRun(result.value);
  };

  return (
    <form className="card form" aria-labelledby="admin-enrol-title" onSubmit={(event) => void submit(event)}>
      <h2 id="admin-enrol-title">Enrol test users</h2>
      <TextField label="How many" name="count" type="number" value={count} onChange={setCount} error={error} />
      <TextField label="Login prefix" name="prefix" value={prefix} onChange={setPrefix} error={error} hint="Logins are PREFIX-1@DOMAIN, PREFIX-2@DOMAIN, …" />
      <TextField label="Email domain" name="domain" value={emailDomain} onChange={setEmailDomain} error={error} />
      <div className="field">
        <label htmlFor="admin-csv">Or logins (CSV: login, first name, last name)</label>
        <textarea id="admin-csv" name="csv" rows={3} value={csv} onChange={(event) => setCsv(event.target.value)} spellCheck={false} />
      </div>
      {provider === 'okta' ? <TextField label="Group ids (optional)" name="groupIds" value={groups} onChange={setGroups} error={error} /> : null}
      {provider === 'okta' ? <SelectField label="Factor" name="factorProvider" value={factor} onChange={(value) => setFactor(value === 'OKTA' ? 'OKTA' : 'GOOGLE')} options={FACTORS} /> : null}
      <p className="hint">Each new user gets a strong generated password, kept in the vault. Users the org already has are left alone.</p>
      {error && !error.field ? <p className="banner banner-error" role="alert">{error.message}</p> : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={running}>
          Enrol
        </button>
      </div>
    </form>
  );
}
