import { useEffect } from 'react';
import { flipAt, mainNow, refreshCodes, useAccounts } from '../store/accounts';
import { useSettings } from '../store/settings';
import { nextSecond, paintCountdowns } from './countdown-clock';
import { nextBoundary } from './live-codes';
import { setTick } from './tick-store';

/**
 * The list's one timer. It wakes at each whole second (in main's time) to step the countdowns, and
 * at the earliest period boundary flips every code that expired to the `next` main already sent,
 * then asks for fresh codes at that moment. Nothing re-renders between boundaries.
 */
export function useLiveCodes(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const root = document.documentElement;
    const preview = () => useSettings.getState().settings?.nextCodePreview ?? true;

    const schedule = (now = mainNow()) => {
      clearTimeout(timer);
      const codes = Object.values(useAccounts.getState().codes);
      const boundary = nextBoundary(codes);
      if (boundary === undefined) return;
      paintCountdowns(root, codes.map((code) => code.period), now, preview());
      setTick(now);
      const wake = Math.min(boundary, nextSecond(now));
      timer = setTimeout(() => tick(wake, wake === boundary), Math.max(0, wake - now));
    };

    // Timers may fire a little before their moment (and main's clock offset is re-measured in
    // between): a code must never change before its boundary, so an early wake just waits again.
    const tick = (moment: number, isBoundary: boolean) => {
      const now = mainNow();
      if (now < moment) {
        timer = setTimeout(() => tick(moment, isBoundary), moment - now);
        return;
      }
      if (!isBoundary) {
        schedule(now);
        return;
      }
      flipAt(now);
      schedule(now);
      void refreshCodes(moment);
    };

    const unsubscribe = useAccounts.subscribe((state, previous) => {
      if (state.codes !== previous.codes) schedule();
    });
    const unsubscribeSettings = useSettings.subscribe((state, previous) => {
      if (state.settings?.nextCodePreview !== previous.settings?.nextCodePreview) schedule();
    });
    schedule();
    return () => {
      clearTimeout(timer);
      unsubscribe();
      unsubscribeSettings();
    };
  }, []);
}
