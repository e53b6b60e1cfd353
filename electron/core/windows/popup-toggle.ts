/**
 * Show/hide decisions for a popup that hides on blur. Clicking the tray icon while the popup is
 * open first blurs it (hiding it) and then delivers the click, which would show it again at once;
 * a click that arrives right after a blur-hide therefore means "close", not "reopen".
 */
export const BLUR_CLICK_GRACE_MS = 300;

export interface PopupToggle {
  /** Record that the popup just hid because it lost focus. */
  hiddenByBlur(): void;
  /** Whether a tray click or the shortcut should show the popup (true) or leave/make it hidden (false). */
  shouldShowOnToggle(visible: boolean): boolean;
}

export function popupToggle(now: () => number): PopupToggle {
  let lastBlurHide = Number.NEGATIVE_INFINITY;
  return {
    hiddenByBlur: () => {
      lastBlurHide = now();
    },
    shouldShowOnToggle: (visible) => {
      if (visible) return false;
      return now() - lastBlurHide > BLUR_CLICK_GRACE_MS;
    },
  };
}
