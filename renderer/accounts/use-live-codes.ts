import { useEffect } from 'react';
import { flipAt, mainNow, refreshCodes, useAccounts } from '../store/accounts';
import { nextBoundary } from './live-codes';

/**
 * The list's one timer: it sleeps until the earliest period boundary (in main's time), flips every
 * code that expired to the `next` main already sent, then asks for fresh codes at that moment. The countdowns are CSS
 * animations, so nothing re-renders between boundaries.
 */
export function useLiveCodes(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;

    const schedule = () => {
      clearTimeout(timer);
      const boundary = nextBoundary(Object.values(useAccounts.getState().codes));
      if (boundary === undefined) return;
      timer = setTimeout(() => tick(boundary), Math.max(0, boundary - mainNow()));
    };

    // A timer may fire a hair early; the boundary it was set for has still come.
    const tick = (boundary: number) => {
      const now = Math.max(mainNow(), boundary);
      flipAt(now);
      schedule();
      void refreshCodes(now);
    };

    const unsubscribe = useAccounts.subscribe((state, previous) => {
      if (state.codes !== previous.codes) schedule();
    });
    schedule();
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, []);
}
