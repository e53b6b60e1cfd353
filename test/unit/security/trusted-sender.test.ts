import { describe, expect, it, vi } from 'vitest';
import { guardedCall } from '../../../electron/core/ipc/guarded-call';
import { ADMIN_ENTRY_URL, APP_ENTRY_URL } from '../../../electron/core/windows/app-origin';
import { isTrustedSender } from '../../../electron/core/windows/trusted-sender';

describe('trusted IPC sender', () => {
  it('accepts our own top-level page', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: `${APP_ENTRY_URL}#/settings`, isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://traykey/', isMainFrame: true })).toBe(true);
  });

  it('accepts the Admin window’s page, on the same origin and protocol', () => {
    expect(isTrustedSender({ url: ADMIN_ENTRY_URL, isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: `${ADMIN_ENTRY_URL}?connection=okta-1`, isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: ADMIN_ENTRY_URL, isMainFrame: false })).toBe(false);
  });

  it('rejects an iframe, even one on our own origin', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: false })).toBe(false);
  });

  it('rejects a frame that is gone', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it.each([
    'https://traykey/index.html',
    'https://evil.example/index.html',
    'file:///opt/Traykey/resources/app.asar/dist/renderer/index.html',
    'app://traykey.evil.example/index.html',
    'app://evil/index.html',
    'app://user:pw@traykey/index.html',
    'app://traykey/other.html',
    'https://traykey/admin.html',
    'http://traykey/admin.html',
    'file:///opt/Traykey/resources/app.asar/dist/renderer/admin.html',
    'app://evil/admin.html',
    'app://traykey/admin.html/..%2Fother.html',
    'app://traykey/assets/admin.html',
    'app://traykey/assets/index.js',
    'devtools://devtools/bundled/index.html',
    'about:blank',
    'data:text/html,<script>1</script>',
    'javascript:alert(1)',
    '',
    'not a url',
  ])('rejects a page at %s', (url) => {
    expect(isTrustedSender({ url, isMainFrame: true })).toBe(false);
  });
});

describe('guarded IPC call', () => {
  const handlers = { marker: 'handlers' };

  it('refuses a foreign sender with FORBIDDEN_SENDER and never reaches the dispatcher', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'should not happen' }));
    const result = await guardedCall({ key: 'frame:1:1', url: 'https://evil.example/', isMainFrame: true }, 'accounts:reveal', { id: 'a' }, handlers, dispatch);
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: expect.stringContaining('refused') } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('passes a call from our page to the dispatcher unchanged, naming the sending frame, and returns its result', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: [] }));
    const payload = { at: 5 };
    const result = await guardedCall({ key: 'frame:1:1', url: APP_ENTRY_URL, isMainFrame: true }, 'accounts:codes', payload, handlers, dispatch);
    expect(dispatch).toHaveBeenCalledWith(handlers, 'accounts:codes', payload, { sender: 'frame:1:1' });
    expect(result).toEqual({ ok: true, value: [] });
  });
});
