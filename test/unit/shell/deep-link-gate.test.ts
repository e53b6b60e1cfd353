import { describe, expect, it } from 'vitest';
import { createDeepLinkGate, DEEP_LINK_LIMIT, droppedLinksNotice } from '../../../electron/core/deep-link/deep-link-gate';

/** Issue 13: every deep link popped the window, so a web page could spam it. */
describe('the deep-link gate', () => {
  it('shows one preview at a time: links arriving while one waits are dropped, and counted once shown', () => {
    let now = 0;
    const gate = createDeepLinkGate({ now: () => now });
    expect(gate.admit(false)).toEqual({ action: 'show', droppedBefore: 0 });
    const first = gate.admit(true);
    expect(first).toEqual({ action: 'drop', reason: 'busy', firstDrop: true });
    expect(droppedLinksNotice(first)).toMatch(/already waiting/);
    const second = gate.admit(true);
    expect(second).toMatchObject({ action: 'drop', firstDrop: false });
    expect(droppedLinksNotice(second)).toBeNull();
    now += 1_000;
    const next = gate.admit(false);
    expect(next).toEqual({ action: 'show', droppedBefore: 2 });
    expect(droppedLinksNotice(next)).toBe('Traykey ignored 2 other setup links that arrived while it was busy or too many came at once.');
  });

  it('lets at most three links a minute through, whatever the page does, and recovers after the window', () => {
    let now = 0;
    const gate = createDeepLinkGate({ now: () => now });
    const decisions = Array.from({ length: 50 }, () => gate.admit(false).action);
    expect(decisions.filter((action) => action === 'show')).toHaveLength(DEEP_LINK_LIMIT.maxLinks);
    expect(decisions.slice(DEEP_LINK_LIMIT.maxLinks).every((action) => action === 'drop')).toBe(true);
    now += DEEP_LINK_LIMIT.windowMs;
    expect(gate.admit(false)).toEqual({ action: 'show', droppedBefore: 50 - DEEP_LINK_LIMIT.maxLinks });
  });

  it('tells the person once per burst, not once per link', () => {
    const gate = createDeepLinkGate({ now: () => 0, maxLinks: 1 });
    gate.admit(false);
    const notices = Array.from({ length: 20 }, () => droppedLinksNotice(gate.admit(false))).filter((notice) => notice !== null);
    expect(notices).toEqual(['Too many setup links arrived at once, so Traykey is ignoring them for a minute.']);
  });
});
