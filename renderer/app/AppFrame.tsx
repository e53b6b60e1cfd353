import { useEffect, type ReactNode } from 'react';
import { api, findBridge } from '../api';
import { loadAccounts } from '../store/accounts';
import { loadSettings } from '../store/settings';
import { loadVaultStatus, useVault } from '../store/vault';
import { UnlockPrompt } from '../vault/UnlockPrompt';
import { appMessage } from '../ui/app-wording';
import { useTheme } from './use-theme';

/**
 * What every window shows before its own content (the popup's list, the Admin window): a notice when
 * the bridge is missing, then the vault's state (opening, locked, unreadable), in the person's theme.
 */
export function AppFrame({ children }: { children: ReactNode }) {
  if (!findBridge()) return <MissingBridge />;
  return <Connected>{children}</Connected>;
}

function MissingBridge() {
  return (
    <main className="screen-message" role="alert">
      <h1>Traykey cannot reach its main process</h1>
      <p>The window opened without the app’s bridge, so there is nothing to show. Quit Traykey from the tray and start it again.</p>
    </main>
  );
}

function Connected({ children }: { children: ReactNode }) {
  useTheme();
  const status = useVault((state) => state.status);
  const error = useVault((state) => state.error);

  useEffect(() => {
    void loadVaultStatus();
    void loadSettings();
    const bridge = api();
    const offVault = bridge.on('vault:changed', () => void loadVaultStatus());
    const offAccounts = bridge.on('accounts:changed', () => void loadAccounts());
    return () => {
      offVault();
      offAccounts();
    };
  }, []);

  if (error) {
    return (
      <main className="screen-message" role="alert">
        <h1>Traykey cannot open your vault</h1>
        <p>{appMessage(error)}</p>
      </main>
    );
  }
  if (!status) return <main className="screen-message" aria-busy="true" />;
  if (status.state === 'locked') return <UnlockPrompt mode={status.mode} />;
  if (status.state === 'error') {
    return (
      <main className="screen-message" role="alert">
        <h1>Traykey cannot open your vault</h1>
        <p>{status.error ? appMessage(status.error) : 'The vault could not be read.'}</p>
      </main>
    );
  }
  return children;
}
