import { useState, type FormEvent } from 'react';
import type { AppErrorData } from '../../shared/errors';
import type { ConnectionCheckView } from '../../shared/ipc/admin';
import { api } from '../api';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { loadConnections } from './admin-store';

const PROVIDERS = [
  { value: 'okta', label: 'Okta org (API token)' },
  { value: 'auth0', label: 'Auth0 tenant (Management API client)' },
] as const;

/** Adds a connection: main tests it first and saves only one that works; secrets go to the vault only. */
export function ConnectionForm() {
  const [provider, setProvider] = useState<'okta' | 'auth0'>('okta');
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [apiToken, setApiToken] = useState('');
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [appClientId, setAppClientId] = useState('');
  const [appClientSecret, setAppClientSecret] = useState('');
  const [check, setCheck] = useState<ConnectionCheckView | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const request =
      provider === 'okta'
        ? { provider, url, name, apiToken }
        : { provider, url, name, managementClientId: clientId, managementClientSecret: clientSecret, ...(appClientId ? { appClientId, appClientSecret } : {}) };
    const result = await api().adminConnect(request);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setCheck(result.value.check);
    if (result.value.connection) {
      setApiToken('');
      setClientSecret('');
      setAppClientSecret('');
      await loadConnections();
    }
  };

  return (
    <form className="card form" aria-labelledby="admin-connect-title" onSubmit={(event) => void submit(event)}>
      <h2 id="admin-connect-title">Add a connection</h2>
      <SelectField label="Provider" name="provider" value={provider} onChange={(value) => setProvider(value === 'auth0' ? 'auth0' : 'okta')} options={PROVIDERS} />
      <TextField label={provider === 'okta' ? 'Org URL' : 'Tenant domain'} name="url" value={url} onChange={setUrl} error={error} required placeholder={provider === 'okta' ? 'https://your-org.okta.com' : 'your-tenant.auth0.com'} />
      <TextField label="Name (optional)" name="name" value={name} onChange={setName} error={error} />
      {provider === 'okta' ? (
        <TextField label="API token" name="apiToken" type="password" value={apiToken} onChange={setApiToken} error={error} required />
      ) : (
        <>
          <TextField label="Management client ID" name="managementClientId" value={clientId} onChange={setClientId} error={error} required />
          <TextField label="Management client secret" name="managementClientSecret" type="password" value={clientSecret} onChange={setClientSecret} error={error} required />
          <TextField label="Application client ID (password grant; optional)" name="appClientId" value={appClientId} onChange={setAppClientId} error={error} />
          <TextField label="Application client secret" name="appClientSecret" type="password" value={appClientSecret} onChange={setAppClientSecret} error={error} />
        </>
      )}
      {error && !error.field ? <p className="banner banner-error" role="alert">{error.message}</p> : null}
      {check ? (
        <p className={check.ok ? 'banner' : 'banner banner-error'} role="status">
          {check.message}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Test and save
        </button>
      </div>
    </form>
  );
}
