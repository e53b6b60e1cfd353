import { describe, expect, it } from 'vitest';
import { ClipboardGuard } from '../../../electron/core/clipboard/clipboard-guard';
import type { Clipboard } from '../../../electron/core/capabilities';
import { FakeClipboard } from '../../support/fake-clipboard';
import { ManualTimers } from '../../support/fake-timers';

describe('the clipboard guard', () => {
  it('clears our code after the configured delay', async () => {
    const clipboard = new FakeClipboard();
    const timers = new ManualTimers();
    await new ClipboardGuard(clipboard, timers).copy('123456', 20);
    expect(clipboard.current).toBe('123456');
    expect(timers.pending()).toEqual([20_000]);
    await timers.fireAll();
    expect(clipboard.current).toBe('');
  });

  it('leaves the clipboard alone when the user copied something else since', async () => {
    const clipboard = new FakeClipboard();
    const timers = new ManualTimers();
    await new ClipboardGuard(clipboard, timers).copy('123456', 20);
    await clipboard.writeText('my own text');
    await timers.fireAll();
    expect(clipboard.current).toBe('my own text');
  });

  it('never clears when the delay is 0', async () => {
    const timers = new ManualTimers();
    await new ClipboardGuard(new FakeClipboard(), timers).copy('123456', 0);
    expect(timers.scheduled.size).toBe(0);
  });

  it('replaces the pending clear when another code is copied', async () => {
    const clipboard = new FakeClipboard();
    const timers = new ManualTimers();
    const guard = new ClipboardGuard(clipboard, timers);
    await guard.copy('111111', 20);
    await guard.copy('222222', 20);
    expect(timers.scheduled.size).toBe(1);
    await timers.fireAll();
    expect(clipboard.current).toBe('');
  });

  it('clears at once on flush, and only our code', async () => {
    const clipboard = new FakeClipboard();
    const timers = new ManualTimers();
    const guard = new ClipboardGuard(clipboard, timers);
    await guard.copy('123456', 20);
    await guard.flush();
    expect(clipboard.current).toBe('');
    expect(timers.scheduled.size).toBe(0);
  });

  it('survives a clipboard that fails when read', async () => {
    const timers = new ManualTimers();
    const broken: Clipboard = { readText: () => Promise.reject(new Error('no session')), writeText: async () => undefined };
    await new ClipboardGuard(broken, timers).copy('123456', 5);
    await expect(timers.fireAll()).resolves.toBeUndefined();
  });
});
