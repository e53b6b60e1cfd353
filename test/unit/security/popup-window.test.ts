/**
 * The tray popup as createPopupWindow really builds it, through stand-ins for BrowserWindow and its
 * web contents (the real ones need the Electron binary): what the constructor receives, and what the
 * hooks on the new window do when Electron calls them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ADMIN_ENTRY_URL, APP_ENTRY_URL } from '../../../electron/core/windows/app-origin';

type Hook = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  class FakeWebContents {
    readonly hooks = new Map<string, (...args: unknown[]) => unknown>();
    openHandler: ((details: { url: string }) => unknown) | undefined;
    constructor(private readonly steps: string[]) {}
    on(name: string, hook: (...args: unknown[]) => unknown): void {
      this.steps.push(`on ${name}`);
      this.hooks.set(name, hook);
    }
    setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
      this.steps.push('setWindowOpenHandler');
      this.openHandler = handler;
    }
  }
  class FakeBrowserWindow {
    readonly steps: string[] = [];
    readonly webContents = new FakeWebContents(this.steps);
    constructor(readonly options: Record<string, unknown>) {
      state.windows.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.steps.push(`loadURL ${url}`);
      return Promise.resolve();
    }
  }
  const state = { windows: [] as FakeBrowserWindow[], opened: [] as string[], FakeBrowserWindow };
  return state;
});

vi.mock('electron', () => ({
  BrowserWindow: fake.FakeBrowserWindow,
  shell: { openExternal: async (url: string) => void fake.opened.push(url) },
}));

async function popup(devTools = false) {
  const { createPopupWindow } = await import('../../../electron/main/window/create-windows');
  createPopupWindow({ preloadPath: '/app/dist/electron/preload.cjs', devTools });
  const window = fake.windows.at(-1);
  if (!window) throw new Error('createPopupWindow made no window');
  return { window, prefs: window.options.webPreferences as Record<string, unknown> };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

beforeEach(() => {
  fake.windows.length = 0;
  fake.opened.length = 0;
});

describe('the popup window createPopupWindow builds', () => {
  it('runs the page without Node: isolated from the preload, sandboxed, no Node in workers or frames', async () => {
    const { prefs } = await popup();
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
  });

  it('keeps the web platform protections on, the risky features off, and sets nothing else', async () => {
    const { prefs } = await popup();
    expect(prefs).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, spellcheck: false, navigateOnDragDrop: false, safeDialogs: true });
    expect(Object.keys(prefs).sort()).toEqual(
      ['allowRunningInsecureContent', 'contextIsolation', 'devTools', 'navigateOnDragDrop', 'nodeIntegration', 'nodeIntegrationInSubFrames', 'nodeIntegrationInWorker', 'preload', 'safeDialogs', 'sandbox', 'spellcheck', 'webSecurity', 'webviewTag'].sort(),
    );
  });

  it('loads the given preload, and opens developer tools only when asked to', async () => {
    expect((await popup(false)).prefs).toMatchObject({ preload: '/app/dist/electron/preload.cjs', devTools: false });
    expect((await popup(true)).prefs.devTools).toBe(true);
  });

  it('is frameless, out of the taskbar and hidden until it is placed', async () => {
    const { window } = await popup();
    expect(window.options).toMatchObject({ frame: false, show: false, skipTaskbar: true });
  });

  it('installs every navigation guard before the page loads, and loads only the app entry', async () => {
    const { window } = await popup();
    const load = window.steps.findIndex((step) => step.startsWith('loadURL'));
    expect(window.steps.slice(0, load).sort()).toEqual(['on will-attach-webview', 'on will-navigate', 'on will-redirect', 'setWindowOpenHandler']);
    expect(window.steps.slice(load)).toEqual([`loadURL ${APP_ENTRY_URL}`]);
  });

  it('stops the page from navigating, being redirected or attaching a webview', async () => {
    const { window } = await popup();
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      (window.webContents.hooks.get(name) as Hook)(event, 'https://evil.example/');
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
  });

  it('denies every new window, handing only a safe https link to the browser', async () => {
    const { window } = await popup();
    const open = (url: string) => window.webContents.openHandler?.({ url });
    for (const url of ['https://example.com/help', 'http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', APP_ENTRY_URL]) expect(open(url), url).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://example.com/help']);
  });

  it('is made, like the Admin window, in the one file that constructs windows', () => {
    const makers = sourceFiles('electron').filter((file) => /new\s+BrowserWindow\s*\(/.test(readFileSync(file, 'utf8')));
    expect(makers).toEqual([join('electron', 'main', 'window', 'create-windows.ts')]);
  });
});

describe('the Admin window createAdminWindow builds', () => {
  async function admin() {
    const { createAdminWindow } = await import('../../../electron/main/window/create-windows');
    createAdminWindow({ preloadPath: '/app/dist/electron/preload.cjs', devTools: false, size: { width: 1200, height: 700 }, minSize: { width: 900, height: 600 } });
    const window = fake.windows.at(-1);
    if (!window) throw new Error('createAdminWindow made no window');
    return window;
  }

  it('is resizable down to its minimum, at the size it is given, hidden until its page is ready', async () => {
    const window = await admin();
    expect(window.options).toMatchObject({ width: 1200, height: 700, minWidth: 900, minHeight: 600, resizable: true, show: false });
  });

  it('gets exactly the popup’s locked-down page settings', async () => {
    const window = await admin();
    const { prefs } = await popup();
    expect(window.options.webPreferences).toEqual(prefs);
  });

  it('is hardened before it loads admin.html on the app’s origin, and denies new windows', async () => {
    const window = await admin();
    expect(window.steps.at(-1)).toBe(`loadURL ${ADMIN_ENTRY_URL}`);
    expect(window.steps.slice(0, -1)).toEqual(expect.arrayContaining(['on will-navigate', 'on will-redirect', 'on will-attach-webview', 'setWindowOpenHandler']));
    expect(window.webContents.openHandler?.({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
  });
});
