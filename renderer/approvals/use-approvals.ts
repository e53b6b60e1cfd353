import { useEffect } from 'react';
import { api } from '../api';
import { goTo } from '../store/navigation';
import { dropExpired, loadPending, useApprovals } from './approvals-store';

/**
 * Keeps the pending list in step with main: reloads on `push:changed` and whenever the popup is shown,
 * switches to the Approvals view when a new request arrives, and drops expired requests every second.
 */
export function useApprovalsFeed(): void {
  useEffect(() => {
    let known = useApprovals.getState().challenges.map((c) => c.id);
    const refresh = async () => {
      await loadPending();
      const ids = useApprovals.getState().challenges.map((c) => c.id);
      if (ids.some((id) => !known.includes(id))) goTo('approvals');
      known = ids;
    };
    void refresh();
    const off = api().on('push:changed', () => void refresh());
    const tick = setInterval(() => dropExpired(Date.now()), 1000);
    // Asking main is also how it learns the person is here, which speeds polling up for a while.
    const onShown = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onShown);
    window.addEventListener('focus', onShown);
    return () => {
      off();
      clearInterval(tick);
      document.removeEventListener('visibilitychange', onShown);
      window.removeEventListener('focus', onShown);
    };
  }, []);
}
