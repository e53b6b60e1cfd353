import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../electron/window/app-origin';
import { GRANTED_PERMISSIONS, isDisplayMediaAllowed, isPermissionGranted } from '../../../electron/window/permissions';
import { pickScreenSource } from '../../../electron/window/pick-screen-source';

describe('browser permissions', () => {
  it('grants exactly display capture and notifications', () => {
    expect([...GRANTED_PERMISSIONS].sort()).toEqual(['display-capture', 'notifications']);
    expect(isPermissionGranted({ permission: 'display-capture', requester: APP_ORIGIN, isMainFrame: true })).toBe(true);
    expect(isPermissionGranted({ permission: 'notifications', requester: APP_ENTRY_URL, isMainFrame: true })).toBe(true);
  });

  it.each(['media', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'hid', 'usb', 'serial', 'midiSysex', 'fullscreen', 'pointerLock', 'unknown'])(
    'refuses %s even to our own page',
    (permission) => {
      expect(isPermissionGranted({ permission, requester: APP_ORIGIN, isMainFrame: true })).toBe(false);
    },
  );

  it('refuses granted permissions to any other origin or to a subframe', () => {
    for (const requester of ['https://evil.example', 'file://', 'null', '', undefined, 'app://traykey.evil.example', 'http://127.0.0.1:5173']) {
      expect(isPermissionGranted({ permission: 'display-capture', requester, isMainFrame: true })).toBe(false);
    }
    expect(isPermissionGranted({ permission: 'notifications', requester: APP_ORIGIN, isMainFrame: false })).toBe(false);
  });
});

describe('screen capture requests (getDisplayMedia)', () => {
  const ours = { securityOrigin: APP_ORIGIN, frameUrl: APP_ENTRY_URL, isMainFrame: true, videoRequested: true, audioRequested: false };

  it('allows our page to capture video of a screen', () => {
    expect(isDisplayMediaAllowed(ours)).toBe(true);
  });

  it('refuses audio, a request without video, a subframe, a vanished frame and other origins', () => {
    expect(isDisplayMediaAllowed({ ...ours, audioRequested: true })).toBe(false);
    expect(isDisplayMediaAllowed({ ...ours, videoRequested: false })).toBe(false);
    expect(isDisplayMediaAllowed({ ...ours, isMainFrame: false })).toBe(false);
    expect(isDisplayMediaAllowed({ ...ours, frameUrl: null })).toBe(false);
    expect(isDisplayMediaAllowed({ ...ours, securityOrigin: 'https://evil.example' })).toBe(false);
    expect(isDisplayMediaAllowed({ ...ours, frameUrl: 'https://evil.example/' })).toBe(false);
  });

  it('captures the screen the pointer is on, else the first screen, never a window', () => {
    const sources = [
      { id: 'window:12:0', name: 'Browser', display_id: '' },
      { id: 'screen:1:0', name: 'Screen 1', display_id: '1' },
      { id: 'screen:2:0', name: 'Screen 2', display_id: '2' },
    ];
    expect(pickScreenSource(sources, 2)?.id).toBe('screen:2:0');
    expect(pickScreenSource(sources, 99)?.id).toBe('screen:1:0');
    expect(pickScreenSource([sources[0]!], 1)).toBeNull();
  });
});
