import { useEffect } from 'react';
import { api, findBridge } from '../api';
import { loadAccounts } from '../store/accounts';
import { loadSettings } from '../store/settings';
import { loadVaultStatus, useVault } from '../store/vault';
import { useNavigation } from '../store/navigation';
import { Navigation } from '../navigation/Navigation';
import { views } from '../navigation/views';
import { UnlockPrompt } from '../vault/UnlockPrompt';
import { OlderCopyBanner } from '../vault/OlderCopyBanner';
import { ToastArea } from './ToastArea';
import { appMessage } from '../ui/app-wording';
import { useTheme } from './use-theme';
import { useLiveCodes } from '../accounts/use-live-codes';
import { ClockWarning } from '../clock/ClockWarning';
import { useApprovalsFeed } from '../approvals/use-approvals';
import { ApprovalsAnnouncer } from '../approvals/ApprovalsAnnouncer';
import { DeepLinkPreview } from '../deep-link/DeepLinkPreview';
import { PolicyBanner } from '../policy/PolicyBanner';

export function App() {
  if (!findBridge()) return <MissingBridge />;
  return <Connected />;
}

function MissingBridge() {
  return (
    <main className="screen-message" role="alert">
      <h1>Traykey cannot reach its main process</h1>
      <p>The window opened without the app’s bridge, so there is nothing to show. Quit Traykey from the tray and start it again.</p>
    </main>
  );
}

function Connected() {
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
  return <Shell />;
}

function Shell() {
  const view = useNavigation((state) => state.view);
  const Current = (views.find((entry) => entry.id === view) ?? views[0])?.component;
  const status = useVault((state) => state.status);
  useLiveCodes();
  useApprovalsFeed();
  useEffect(() => {
    void loadAccounts();
    // The popup is hidden, not closed, between uses: whatever changed meanwhile (the CLI, a sleep
    // past several periods) is caught up when it shows again.
    const reloadWhenShown = () => {
      if (document.visibilityState === 'visible') void loadAccounts();
    };
    document.addEventListener('visibilitychange', reloadWhenShown);
    window.addEventListener('focus', reloadWhenShown);
    return () => {
      document.removeEventListener('visibilitychange', reloadWhenShown);
      window.removeEventListener('focus', reloadWhenShown);
    };
  }, []);
  return (
    <div className="shell">
      <header className="header">
        <Navigation />
      </header>
      <ClockWarning />
      <PolicyBanner />
      {status?.olderCopy ? <OlderCopyBanner older={status.olderCopy} path={status.path} /> : null}
      <main className="view">{Current ? <Current /> : null}</main>
      <DeepLinkPreview />
      <ApprovalsAnnouncer />
      <ToastArea />
    </div>
  );
}
