import { beforeEach, describe, expect, it, vi } from 'vitest';

const touchId = vi.hoisted(() => ({ can: true, answer: 'confirm' as 'confirm' | 'cancel', reasons: [] as string[] }));
vi.mock('electron', () => ({
  systemPreferences: {
    canPromptTouchID: () => touchId.can,
    promptTouchID: async (reason: string) => {
      touchId.reasons.push(reason);
      if (touchId.answer === 'cancel') throw new Error('Touch ID cancelled');
    },
  },
}));

const { electronUserPresence } = await import('../../../electron/main/platform/user-presence');

describe('the user-presence capability', () => {
  beforeEach(() => {
    touchId.can = true;
    touchId.answer = 'confirm';
    touchId.reasons = [];
  });

  it('offers Touch ID on macOS when the machine has it', async () => {
    const presence = electronUserPresence('darwin');
    expect(presence.isAvailable()).toBe(true);
    expect(await presence.confirm('unlock your Traykey codes')).toBe(true);
    expect(touchId.reasons).toEqual(['unlock your Traykey codes']);
  });

  it('reports a cancelled or failed prompt as not confirmed', async () => {
    touchId.answer = 'cancel';
    expect(await electronUserPresence('darwin').confirm('unlock')).toBe(false);
  });

  it('is unavailable on a Mac without Touch ID, and on Windows and Linux, where Electron has no such API', () => {
    touchId.can = false;
    expect(electronUserPresence('darwin').isAvailable()).toBe(false);
    touchId.can = true;
    expect(electronUserPresence('win32').isAvailable()).toBe(false);
    expect(electronUserPresence('linux').isAvailable()).toBe(false);
  });
});
