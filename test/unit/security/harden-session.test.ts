/**
 * harden-session.ts applied to stand-in Session and WebContents objects (the real ones need the
 * Electron binary): proves each hook is installed and delegates to the tested decisions.
 */
import { describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../electron/core/windows/app-origin';
import { CONTENT_SECURITY_POLICY } from '../../../electron/core/windows/content-security-policy';
import { ScreenShares } from '../../../electron/core/qr/screen-shares';

const fake = vi.hoisted(() => ({ opened: [] as string[] }));
vi.mock('electron', () => ({
  shell: { openExternal: async (url: string) => void fake.opened.push(url) },
}));

type Fn = (...args: never[]) => unknown;
function fakeSession() {
  const hooks: Record<string, Fn> = {};
  const session = {
    webRequest: { onHeadersReceived: (fn: Fn) => (hooks.headers = fn) },
    setPermissionRequestHandler: (fn: Fn) => (hooks.request = fn),
    setPermissionCheckHandler: (fn: Fn) => (hooks.check = fn),
    setDevicePermissionHandler: (fn: Fn) => (hooks.device = fn),
    setDisplayMediaRequestHandler: (fn: Fn) => (hooks.displayMedia = fn),
    on: (name: string, fn: Fn) => (hooks[`on:${name}`] = fn),
  };
  return { session, hooks: hooks as Record<string, (...args: unknown[]) => unknown> };
}

const screens = () => new ScreenShares({ listScreens: async () => [{ sourceId: 'screen:1:0', name: 'Screen 1', label: 'Built-in', width: 1920, height: 1080 }] }, () => 0);

describe('hardenSession', () => {
  it('puts our CSP on every response', async () => {
    const { hardenSession } = await import('../../../electron/main/window/harden-session');
    const { session, hooks } = fakeSession();
    hardenSession(session as never, screens());
    const callback = vi.fn();
    hooks.headers?.({ responseHeaders: { 'content-security-policy': ['default-src *'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  it('answers permission requests and checks with the permission policy, and refuses devices', async () => {
    const { hardenSession } = await import('../../../electron/main/window/harden-session');
    const { session, hooks } = fakeSession();
    hardenSession(session as never, screens());
    const answers: boolean[] = [];
    hooks.request?.({}, 'display-capture', (granted: boolean) => answers.push(granted), { requestingUrl: APP_ENTRY_URL, isMainFrame: true });
    hooks.request?.({}, 'media', (granted: boolean) => answers.push(granted), { requestingUrl: APP_ENTRY_URL, isMainFrame: true });
    hooks.request?.({}, 'notifications', (granted: boolean) => answers.push(granted), { requestingUrl: APP_ENTRY_URL, isMainFrame: true });
    hooks.request?.({}, 'display-capture', (granted: boolean) => answers.push(granted), { requestingUrl: 'https://evil.example/', isMainFrame: true });
    expect(answers).toEqual([true, false, false, false]);
    expect(hooks.check?.(null, 'geolocation', APP_ORIGIN, { isMainFrame: true })).toBe(false);
    expect(hooks.device?.()).toBe(false);
  });

  it('gives our page the screen main offered it, once, after a gesture; nothing to another frame or origin', async () => {
    const { hardenSession } = await import('../../../electron/main/window/harden-session');
    const { session, hooks } = fakeSession();
    const offers = screens();
    hardenSession(session as never, offers);
    const ours = { url: APP_ENTRY_URL, parent: null, processId: 4, routingId: 1 };
    const request = (frame: object, userGesture = true) => ({ frame, securityOrigin: APP_ORIGIN, videoRequested: true, audioRequested: false, userGesture });
    const answer = (req: object) => {
      const callback = vi.fn();
      hooks.displayMedia?.(req, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(answer(request(ours))).toBeNull();
    await offers.open('frame:4:1');
    expect(answer(request({ ...ours, url: 'https://evil.example/' }))).toBeNull();
    expect(answer(request({ ...ours, processId: 5 }))).toBeNull();
    expect(answer(request(ours, false))).toBeNull();
    expect(answer(request(ours))).toEqual({ video: { id: 'screen:1:0', name: 'Screen 1' } });
    expect(answer(request(ours))).toBeNull();
  });

  it('cancels downloads', async () => {
    const { hardenSession } = await import('../../../electron/main/window/harden-session');
    const { session, hooks } = fakeSession();
    hardenSession(session as never, screens());
    const event = { preventDefault: vi.fn() };
    hooks['on:will-download']?.(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('hardenWebContents', () => {
  function fakeContents() {
    const on: Record<string, (event: { preventDefault(): void }) => void> = {};
    let openHandler: ((details: { url: string }) => unknown) | undefined;
    const contents = {
      on: (name: string, fn: (event: { preventDefault(): void }) => void) => (on[name] = fn),
      setWindowOpenHandler: (fn: (details: { url: string }) => unknown) => (openHandler = fn),
    };
    return { contents, on, open: (url: string) => openHandler?.({ url }) };
  }

  it('prevents navigation, redirects and webviews', async () => {
    const { hardenWebContents } = await import('../../../electron/main/window/harden-session');
    const { contents, on } = fakeContents();
    hardenWebContents(contents as never);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      on[name]?.(event);
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
  });

  it('denies every new window, opening only safe https links in the browser', async () => {
    const { hardenWebContents } = await import('../../../electron/main/window/harden-session');
    const { contents, open } = fakeContents();
    hardenWebContents(contents as never);
    fake.opened.length = 0;
    expect(open('https://example.com/help')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://example.com/help']);
  });
});
