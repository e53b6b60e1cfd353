import { useEffect } from 'react';
import { AppFrame } from '../app/AppFrame';
import { ToastArea } from '../app/ToastArea';
import { useLiveCodes } from '../accounts/use-live-codes';
import { loadAccounts } from '../store/accounts';
import { PolicyBanner } from '../policy/PolicyBanner';
import { useFeatureOff } from '../store/policy';
import { AdminView } from './AdminView';

/** The Admin window: the same vault and bridge as the popup, with room for the enrol form and the results side by side. */
export function AdminApp() {
  return (
    <AppFrame>
      <AdminShell />
    </AppFrame>
  );
}

function AdminShell() {
  const switchedOff = useFeatureOff('admin');
  // The test users' live codes come from the same list and timer as the popup's rows.
  useLiveCodes();
  useEffect(() => {
    void loadAccounts();
  }, []);
  return (
    <div className="admin-window">
      <header className="admin-window-header">
        <h1>Traykey Admin</h1>
      </header>
      <PolicyBanner />
      {switchedOff ? (
        <main className="screen-message" role="alert">
          <h2>Your organisation has switched off the Admin area</h2>
          <p>Close this window; test users can still be seen in the popup’s list.</p>
        </main>
      ) : (
        <AdminView />
      )}
      <ToastArea />
    </div>
  );
}
