import { useEffect } from 'react';
import { loadAccounts } from '../store/accounts';
import { useVault } from '../store/vault';
import { useNavigation } from '../store/navigation';
import { Navigation } from '../navigation/Navigation';
import { views } from '../navigation/views';
import { usePopupKeys } from '../navigation/use-popup-keys';
import { useShownByShortcut } from '../navigation/use-shown-by-shortcut';
import { OlderCopyBanner } from '../vault/OlderCopyBanner';
import { AppFrame } from './AppFrame';
import { ToastArea } from './ToastArea';
import { useLiveCodes } from '../accounts/use-live-codes';
import { ClockWarning } from '../clock/ClockWarning';
import { useApprovalsFeed } from '../approvals/use-approvals';
import { ApprovalsAnnouncer } from '../approvals/ApprovalsAnnouncer';
import { DeepLinkPreview } from '../deep-link/DeepLinkPreview';
import { PolicyBanner } from '../policy/PolicyBanner';
import { UpdateReadyBanner } from '../updates/UpdateReadyBanner';

export function App() {
  return (
    <AppFrame>
      <Shell />
    </AppFrame>
  );
}

function Shell() {
  const view = useNavigation((state) => state.view);
  const Current = (views.find((entry) => entry.id === view) ?? views[0])?.component;
  const status = useVault((state) => state.status);
  useLiveCodes();
  useApprovalsFeed();
  usePopupKeys();
  useShownByShortcut();
  useEffect(() => {
    void loadAccounts();
    // The popup is hidden, not closed, between uses: whatever changed meanwhile (the CLI, a sleep
    // past several periods) is caught up when it shows again. Showing fires both visibilitychange
    // and focus (either alone on some platforms), so the list is fetched once per return, not twice.
    let away = false;
    const leave = () => {
      away = true;
    };
    const reloadWhenShown = () => {
      if (document.visibilityState !== 'visible' || !away) return;
      away = false;
      void loadAccounts();
    };
    const onVisibility = () => (document.visibilityState === 'visible' ? reloadWhenShown() : leave());
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('focus', reloadWhenShown);
    window.addEventListener('blur', leave);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('focus', reloadWhenShown);
      window.removeEventListener('blur', leave);
    };
  }, []);
  return (
    <div className="shell">
      <header className="header">
        <Navigation />
      </header>
      <ClockWarning />
      <PolicyBanner />
      <UpdateReadyBanner />
      {status?.olderCopy ? <OlderCopyBanner older={status.olderCopy} path={status.path} /> : null}
      <main className="view">{Current ? <Current /> : null}</main>
      <DeepLinkPreview />
      <ApprovalsAnnouncer />
      <ToastArea />
    </div>
  );
}
