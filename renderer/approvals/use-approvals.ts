import { useEffect } from 'react';
import { api } from '../api';
import { goTo } from '../store/navigation';
import { dropExpired, loadPending, useApprovals } from './approvals-store';

/**
 * Keeps the pending list in step with main: reloads on `push:changed`, shows the Approvals view when a
 * new request arrives, and drops expired requests every second.
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
    return () => {
      off();
      clearInterval(tick);
    };
  }, []);
}
