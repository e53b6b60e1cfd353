import { useEffect } from 'react';
import { api } from '../api';
import { goTo } from '../store/navigation';
import { announce, dropExpired, loadPending, spotlight } from './approvals-store';

/**
 * Keeps the pending list in step with main: reloads on `push:changed` and whenever the popup is shown,
 * and drops expired requests every second. A request arriving never switches views (the person may be
 * typing elsewhere): it raises the badge and an announcement. Only the person clicking a request's
 * notification (`push:open`) opens Approvals on it.
 */
export function useApprovalsFeed(): void {
  useEffect(() => {
    const refresh = async () => {
      const { arrived, focus } = await loadPending();
      announce(arrived);
      if (focus) {
        goTo('approvals');
        spotlight(focus);
      }
    };
    void refresh();
    const offChanged = api().on('push:changed', () => void refresh());
    const offOpen = api().on('push:open', () => void refresh());
    const tick = setInterval(() => dropExpired(Date.now()), 1000);
    // Asking main is also how it learns the person is here, which speeds polling up for a while.
    const onShown = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onShown);
    window.addEventListener('focus', onShown);
    return () => {
      offChanged();
      offOpen();
      clearInterval(tick);
      document.removeEventListener('visibilitychange', onShown);
      window.removeEventListener('focus', onShown);
    };
  }, []);
}
