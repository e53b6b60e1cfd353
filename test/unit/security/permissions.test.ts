import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../electron/core/windows/app-origin';
import { isPermissionGranted } from '../../../electron/core/windows/permissions';

describe('browser permissions', () => {
  it('grants our page screen capture (which screen, and when, the display-media handler decides)', () => {
    expect(isPermissionGranted({ permission: 'display-capture', requester: APP_ENTRY_URL, isMainFrame: true })).toBe(true);
  });

  it.each(['notifications', 'media', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'hid', 'usb', 'serial', 'midiSysex', 'fullscreen', 'pointerLock', 'unknown'])(
    'refuses %s even to our own page',
    (permission) => {
      expect(isPermissionGranted({ permission, requester: APP_ORIGIN, isMainFrame: true })).toBe(false);
    },
  );

  it('refuses granted permissions to any other origin or to a subframe', () => {
    for (const requester of ['https://evil.example', 'file://', 'null', '', undefined, 'app://traykey.evil.example', 'http://127.0.0.1:5173']) {
      expect(isPermissionGranted({ permission: 'display-capture', requester, isMainFrame: true })).toBe(false);
    }
    expect(isPermissionGranted({ permission: 'display-capture', requester: APP_ORIGIN, isMainFrame: false })).toBe(false);
  });
});
