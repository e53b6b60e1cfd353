import { useEffect } from 'react';
import { api } from '../api';
import { applyCodesForShow, flipAt, mainNow, refreshCodes, useAccounts } from '../store/accounts';
import { useSettings } from '../store/settings';
import { nextSecond, paintCountdowns } from './countdown-clock';
import { nextBoundary } from './live-codes';
import { setTick } from './tick-store';

/**
 * The list's one timer. It wakes at each whole second (in main's time) to step the countdowns, and
 * at the earliest period boundary flips every code that expired to the `next` main already sent,
 * then asks for fresh codes at that moment. Nothing re-renders between boundaries.
 *
 * The popup is hidden, not closed, between uses: while hidden the timer stops (nobody sees the
 * countdowns), and when it shows again the codes and countdowns are brought to main's current step
 * before its first frame. Main sends the codes of that moment just before it shows the popup
 * (popup:codes); only where they did not arrive do codes hidden past their `next` wait for main's answer.
 */
export function useLiveCodes(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const preview = () => useSettings.getState().settings?.nextCodePreview ?? true;

    const schedule = (now = mainNow()) => {
      clearTimeout(timer);
      if (document.hidden) return;
      const codes = Object.values(useAccounts.getState().codes);
      const boundary = nextBoundary(codes);
      if (boundary === undefined) return;
      paintCountdowns(document, codes.map((code) => code.period), now, preview());
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

    const onVisibility = () => {
      if (document.hidden) {
        clearTimeout(timer);
        return;
      }
      const now = mainNow();
      flipAt(now);
      schedule(now);
      if (Object.values(useAccounts.getState().codes).some((code) => code.code === '')) void refreshCodes();
    };

    const unsubscribe = useAccounts.subscribe((state, previous) => {
      if (state.codes !== previous.codes) schedule();
    });
    const unsubscribeSettings = useSettings.subscribe((state, previous) => {
      if (state.settings?.nextCodePreview !== previous.settings?.nextCodePreview) schedule();
    });
    document.addEventListener('visibilitychange', onVisibility);
    const stopCodesForShow = api().on('popup:codes', applyCodesForShow);
    schedule();
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      stopCodesForShow();
      clearTimeout(timer);
      unsubscribe();
      unsubscribeSettings();
    };
  }, []);
}
