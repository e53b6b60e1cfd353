import { useEffect } from 'react';
import { flipAt, mainNow, refreshCodes, useAccounts } from '../store/accounts';
import { nextSecond, paintCountdowns } from './countdown-clock';
import { nextBoundary } from './live-codes';
import { timerDelay } from '../../shared/timer-delay';

/**
 * The list's one timer. It wakes at each whole second (in main's time) to step the countdown bars,
 * and at the earliest period boundary flips every code that expired to the `next` main already
 * sent, then asks for fresh codes at that moment. Nothing re-renders between boundaries.
 */
export function useLiveCodes(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const root = document.documentElement;

    const schedule = (now = mainNow()) => {
      clearTimeout(timer);
      const codes = Object.values(useAccounts.getState().codes);
      const boundary = nextBoundary(codes);
      if (boundary === undefined) return;
      paintCountdowns(root, codes.map((code) => code.period), now);
      const wake = Math.min(boundary, nextSecond(now));
      timer = setTimeout(() => tick(wake, wake === boundary), timerDelay(wake - now));
    };

    // A timer may fire a hair early; the moment it was set for has still come.
    const tick = (moment: number, isBoundary: boolean) => {
      const now = Math.max(mainNow(), moment);
      if (!isBoundary) {
        schedule(now);
        return;
      }
      flipAt(now);
      schedule(now);
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
