import { useId } from 'react';
import type { Settings } from '../../shared/ipc/settings';
import { api } from '../api';
import { saveSettings, useSettings } from '../store/settings';
import { loadVaultStatus, useVault } from '../store/vault';
import { showError } from '../store/toasts';
import { LockAfterForm } from './LockAfterForm';
import { WholeNumberSettingForm } from './WholeNumberSettingForm';
import { AdminAreaToggle } from './AdminAreaToggle';
import { SyncCard } from './SyncCard';
import { UpdatesCard } from './UpdatesCard';
import { ShortcutCard } from './ShortcutCard';
import { usePolicy } from '../store/policy';

const THEMES: { value: Settings['theme']; label: string }[] = [
  { value: 'system', label: 'Match the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function SettingsView() {
  const settings = useSettings((state) => state.settings);
  const loadError = useSettings((state) => state.error);
  if (!settings) return <p className="banner banner-error">{loadError?.message ?? 'Loading settings…'}</p>;
  return (
    <section className="settings" aria-label="Settings">
      <ClipboardForm seconds={settings.clipboardClearSeconds} />
      <LockAfterForm minutes={settings.lockAfterMinutes} />
      <ShortcutCard />
      <ThemeChoice theme={settings.theme} />
      <AdminAreaToggle on={settings.adminArea} />
      <SyncCard />
      <UpdatesCard automatic={settings.updateChecks} />
      <VaultInfo />
    </section>
  );
}

function ClipboardForm({ seconds }: { seconds: number }) {
  const limit = usePolicy((state) => state.status?.policy.maxClipboardClearSeconds);
  return (
    <WholeNumberSettingForm
      setting="clipboardClearSeconds"
      current={seconds}
      max={600}
      title="Clipboard"
      label="Clear a copied code after (seconds)"
      hint="0 keeps the code on the clipboard."
      outOfRange="Enter a whole number of seconds from 0 (never clear) to 600."
      {...(limit !== undefined ? { managed: { limit, what: `copied codes are cleared after at most ${limit} seconds.` } } : {})}
    />
  );
}

function ThemeChoice({ theme }: { theme: Settings['theme'] }) {
  const name = useId();
  return (
    <fieldset className="card form">
      <legend>Appearance</legend>
      <div className="choices">
        {THEMES.map((option) => (
          <label key={option.value} className="choice">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={theme === option.value}
              onChange={() => void saveSettings({ theme: option.value }).then((error) => error && showError(error))}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function VaultInfo() {
  const status = useVault((state) => state.status);
  if (!status) return null;
  const lock = async () => {
    const result = await api().vaultLock({});
    if (!result.ok) showError(result.error);
    await loadVaultStatus();
  };
  return (
    <div className="card form">
      <h2>Vault</h2>
      <dl className="facts">
        <dt>Protected by</dt>
        <dd>{status.mode === 'keychain' ? 'The system keychain' : 'A passphrase'}</dd>
        <dt>Accounts</dt>
        <dd>{status.accountCount}</dd>
        <dt>File</dt>
        <dd className="path">{status.path}</dd>
      </dl>
      <div className="form-actions">
        <button type="button" onClick={() => void lock()}>
          Lock now
        </button>
      </div>
    </div>
  );
}
