/**
 * harden-session.ts applied to stand-in Session and WebContents objects (the real ones need the
 * Electron binary): proves each hook is installed and delegates to the tested decisions.
 */
import { describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../electron/main/window/app-origin';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/window/content-security-policy';

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

describe('hardenSession', () => {
  it('puts our CSP on every response', async () => {
    const { hardenSession } = await import('../../../electron/main/window/harden-session');
    const { session, hooks } = fakeSession();
    hardenSession(session as never);
    const callback = vi.fn();
    hooks.headers?.({ responseHeaders: { 'content-security-policy': ['default-src *'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  it('answers permission requests and checks with the permission policy, and refuses devices', async () => {
    const { hardenSession } = await import('../../../electron/main/window/harden-session');
    const { session, hooks } = fakeSession();
    hardenSession(session as never);
    const answers: boolean[] = [];
    hooks.request?.({}, 'notifications', (granted: boolean) => answers.push(granted), { requestingUrl: APP_ENTRY_URL, isMainFrame: true });
    hooks.request?.({}, 'media', (granted: boolean) => answers.push(granted), { requestingUrl: APP_ENTRY_URL, isMainFrame: true });
    hooks.request?.({}, 'notifications', (granted: boolean) => answers.push(granted), { requestingUrl: 'https://evil.example/', isMainFrame: true });
    expect(answers).toEqual([true, false, false]);
    expect(hooks.check?.(null, 'geolocation', APP_ORIGIN, { isMainFrame: true })).toBe(false);
    expect(hooks.device?.()).toBe(false);
  });

  it('gives no page a display stream, not ours with a gesture, not ours without one, not another origin', async () => {
    const { hardenSession } = await import('../../../electron/main/window/harden-session');
    const { session, hooks } = fakeSession();
    hardenSession(session as never);
    for (const request of [
      { frame: { url: APP_ENTRY_URL, parent: null }, securityOrigin: APP_ORIGIN, videoRequested: true, audioRequested: false, userGesture: true },
      { frame: { url: APP_ENTRY_URL, parent: null }, securityOrigin: APP_ORIGIN, videoRequested: true, audioRequested: false, userGesture: false },
      { frame: { url: 'https://evil.example/', parent: null }, securityOrigin: 'https://evil.example', videoRequested: true, audioRequested: false, userGesture: true },
    ]) {
      const answer = vi.fn();
      hooks.displayMedia?.(request, answer);
      expect(answer).toHaveBeenCalledWith(null);
    }
    expect(hooks.check?.(null, 'display-capture', APP_ORIGIN, { isMainFrame: true })).toBe(false);
  });

  it('cancels downloads', async () => {
    const { hardenSession } = await import('../../../electron/main/window/harden-session');
    const { session, hooks } = fakeSession();
    hardenSession(session as never);
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
