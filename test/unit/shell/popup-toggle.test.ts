import { describe, expect, it } from 'vitest';
import { BLUR_CLICK_GRACE_MS, popupToggle } from '../../../electron/core/windows/popup-toggle';

describe('showing and hiding the popup', () => {
  it('shows a hidden popup and hides a visible one', () => {
    const toggle = popupToggle(() => 10_000);
    expect(toggle.shouldShowOnToggle(false)).toBe(true);
    expect(toggle.shouldShowOnToggle(true)).toBe(false);
  });

  it('treats a tray click right after the popup lost focus as "close", not "reopen"', () => {
    let now = 50_000;
    const toggle = popupToggle(() => now);
    toggle.hiddenByBlur();
    now += 40;
    expect(toggle.shouldShowOnToggle(false)).toBe(false);
  });

  it('opens again on a later click', () => {
    let now = 50_000;
    const toggle = popupToggle(() => now);
    toggle.hiddenByBlur();
    now += BLUR_CLICK_GRACE_MS + 1;
    expect(toggle.shouldShowOnToggle(false)).toBe(true);
  });
});
