/**
 * electron/main/main.ts against a stand-in `electron` module (see fake-electron.ts) and the real core
 * over a passphrase-mode vault in a temporary folder. It checks what main wires together; it does
 * not (and cannot, here) run Electron.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../../../shared/ipc';
import { APP_ENTRY_URL } from '../../../electron/core/windows/app-origin';
import { popupWebPreferences } from '../../../electron/core/windows/web-preferences';
import { createFakeElectron, FakeBrowserWindow, FakeNotification, FakeTray } from './fake-electron';
import { tempHomeSync } from '../../support/temp-home';

const SECRET = 'JBSWY3DPEHPK3PXP';
const state = vi.hoisted(() => ({ fake: null as unknown }));
// The mocked module is created once per file, so it forwards to whichever fake the current test made.
vi.mock('electron', () => {
  type Target = Record<PropertyKey, unknown> & (new (...args: unknown[]) => object);
  const current = (key: string) => (state.fake as { module: Record<string, Target> }).module[key]!;
  const forward = (key: string) =>
    new Proxy(function electronExport() {}, {
      construct: (_target, args) => new (current(key))(...args),
      get: (_target, prop) => {
        const value = current(key)[prop];
        return typeof value === 'function' ? value.bind(current(key)) : value;
      },
    });
  const keys = ['app', 'BrowserWindow', 'Tray', 'Notification', 'Menu', 'nativeImage', 'nativeTheme', 'screen', 'globalShortcut', 'dialog', 'protocol', 'session', 'ipcMain', 'clipboard', 'powerMonitor', 'shell', 'desktopCapturer'];
  return Object.fromEntries(keys.map((key) => [key, forward(key)]));
});

const trusted = { senderFrame: { url: APP_ENTRY_URL, parent: null, isDestroyed: () => false }, sender: {} };
const savedEnv = { ...process.env };

async function startMain(gotLock = true, shortcutsTaken: string[] = []) {
  const fake = createFakeElectron({ gotLock, shortcutsTaken });
  state.fake = fake;
  vi.resetModules();
  await import('../../../electron/main/main');
  // Let start() run through its awaits (vault open, tray state).
  if (gotLock) await vi.waitFor(() => expect(FakeTray.created).toHaveLength(1), { timeout: 10_000, interval: 100 });
  const call = (channel: string, payload: unknown = {}) => fake.handled.get(channel)?.(trusted as never, payload as never) as Promise<{ ok: boolean; value?: unknown }>;
  return { fake, call, popup: FakeBrowserWindow.created[0], tray: FakeTray.created[0] };
}

beforeEach(() => {
  FakeBrowserWindow.created = [];
  FakeTray.created = [];
  FakeNotification.shown = [];
  process.env.TRAYKEY_HOME = tempHomeSync('main');
  process.env.TRAYKEY_PASSPHRASE = 'correct horse battery staple';
});

/** Quits as the tray's Quit does, and waits until no will-quit listener holds the quit back any longer. */
async function quit(fake: ReturnType<typeof createFakeElectron>): Promise<void> {
  fake.app.quit();
  await vi.waitFor(() => expect(fake.app.ended).toBe(true), { timeout: 5_000 });
}

afterEach(async () => {
  const fake = state.fake as ReturnType<typeof createFakeElectron> | null;
  if (fake && !fake.app.ended) await quit(fake);
  process.env = { ...savedEnv };
});

describe('main process wiring', () => {
  it('quits at once when another instance holds the lock, creating nothing', async () => {
    const { fake } = await startMain(false);
    expect(fake.app.quitCalls).toBe(1);
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(fake.handled.size).toBe(0);
  });

  it('creates one hardened popup on app://traykey, hidden, and serves exactly the contract over IPC', async () => {
    const { fake, popup } = await startMain();
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(popup?.options.webPreferences).toEqual(popupWebPreferences({ preloadPath: join(process.cwd(), 'dist', 'electron', 'preload.cjs'), devTools: true }));
    expect(popup?.loadedUrl).toBe(APP_ENTRY_URL);
    expect(popup?.visible).toBe(false);
    expect(popup?.webContents.windowOpenHandler).toBeTypeOf('function');
    expect([...fake.handled.keys()].sort()).toEqual([...channels].sort());
    expect(fake.protocols).toEqual(['privileged:app', 'handle:app']);
    await vi.waitFor(() => expect([...fake.shortcuts.keys()]).toEqual(['CommandOrControl+Alt+K']));
  });

  it('shows the popup on the global shortcut, tells it to focus the search, and names the shortcut in the tray', async () => {
    const { fake, popup, tray } = await startMain();
    await vi.waitFor(() => expect(tray?.menu?.items[0]?.label).toBe('Show Traykey (Ctrl+Alt+K)'));
    fake.shortcuts.get('CommandOrControl+Alt+K')?.();
    expect(popup?.visible).toBe(true);
    expect(popup?.webContents.sent).toContain('popup:shownByShortcut');
  });

  it('says in the tray when another app holds the saved shortcut at start', async () => {
    const { tray } = await startMain(true, ['CommandOrControl+Alt+K']);
    await vi.waitFor(() => expect(tray?.menu?.items[1]).toMatchObject({ label: 'Shortcut Ctrl+Alt+K Is Taken: Change It in Settings', enabled: false }));
    expect(tray?.menu?.items[0]?.label).toBe('Show Traykey');
  });

  it('moves the shortcut to the new keys when Settings changes it, and the tray follows', async () => {
    const { fake, call, tray } = await startMain();
    await vi.waitFor(() => expect([...fake.shortcuts.keys()]).toEqual(['CommandOrControl+Alt+K']));
    await expect(call('shortcut:set', { accelerator: 'CommandOrControl+Alt+J' })).resolves.toMatchObject({ ok: true, value: { active: 'CommandOrControl+Alt+J' } });
    expect([...fake.shortcuts.keys()]).toEqual(['CommandOrControl+Alt+J']);
    await vi.waitFor(() => expect(tray?.menu?.items[0]?.label).toBe('Show Traykey (Ctrl+Alt+J)'));
    await call('shortcut:set', { accelerator: null });
    await vi.waitFor(() => expect(tray?.menu?.items[0]?.label).toBe('Show Traykey'));
  });

  it('answers the renderer with the real core', async () => {
    const { call } = await startMain();
    await expect(call('accounts:list')).resolves.toEqual({ ok: true, value: [] });
    await expect(call('vault:status')).resolves.toMatchObject({ ok: true, value: { state: 'unlocked', mode: 'passphrase' } });
  });

  it('toggles the popup from the tray, next to the icon, and hides it on blur without reopening on the same click', async () => {
    const { popup, tray } = await startMain();
    tray?.emit('click');
    expect(popup?.visible).toBe(true);
    expect(popup?.bounds).toEqual({ x: 1031, y: 31, width: 360, height: 520 });
    popup?.emit('blur');
    expect(popup?.visible).toBe(false);
    tray?.emit('click');
    expect(popup?.visible).toBe(false);
  });

  it('sends the popup the codes of that moment before it shows it, from the tray icon, its menu and the shortcut', async () => {
    const { fake, call, popup, tray } = await startMain();
    const added = await call('accounts:add', { issuer: 'ACME', label: 'alice', secret: SECRET });
    const codesSent = () => popup?.webContents.messages.filter((message) => message.channel === 'popup:codes') ?? [];
    const show = [
      () => tray?.emit('click'),
      () => tray?.menu?.items[0]?.click?.(),
      () => fake.shortcuts.get('CommandOrControl+Alt+K')?.(),
    ];
    await vi.waitFor(() => expect(fake.shortcuts.has('CommandOrControl+Alt+K')).toBe(true));
    for (const [index, shows] of show.entries()) {
      popup?.hide();
      shows();
      expect(popup?.visible).toBe(true);
      expect(codesSent()).toHaveLength(index + 1);
      const sent = codesSent()[index];
      expect(sent?.windowVisible).toBe(false);
      expect(sent?.payload).toMatchObject({ now: expect.any(Number), codes: [{ id: (added.value as { id: string }).id, code: expect.stringMatching(/^\d{6}$/) }] });
      expect(JSON.stringify(sent?.payload)).not.toContain(SECRET);
    }
  });

  it('offers a link from a second instance as a preview and never saves it by itself', async () => {
    const { fake, call, popup } = await startMain();
    const link = `traykey://add?uri=${encodeURIComponent(`otpauth://totp/ACME:alice?secret=${SECRET}&issuer=ACME`)}`;
    fake.app.emit('second-instance', {}, ['/opt/Traykey/traykey', '--flag', link]);
    await vi.waitFor(() => expect(popup?.visible).toBe(true));
    expect(popup?.webContents.sent).toContain('deepLink:received');
    await expect(call('accounts:list')).resolves.toEqual({ ok: true, value: [] });
  });

  it('refuses a hostile link with a notification that does not repeat it', async () => {
    const { fake, popup } = await startMain();
    fake.app.emit('open-url', { preventDefault() {} }, `traykey://add?uri=${encodeURIComponent(`otpauth://totp/x?secret=${SECRET}&secret=AAAA`)}`);
    await vi.waitFor(() => expect(FakeNotification.shown).toHaveLength(1));
    expect(FakeNotification.shown[0]?.body).not.toContain(SECRET);
    expect(popup?.webContents.sent).not.toContain('deepLink:received');
  });

  it('locks the vault from the tray menu and when the machine suspends or the screen locks', async () => {
    for (const trigger of ['menu', 'suspend', 'lock-screen'] as const) {
      const { fake, call, tray } = await startMain();
      if (trigger === 'menu') tray?.menu?.items.find((item) => item.label === 'Lock Vault')?.click?.();
      else fake.power.emit(trigger);
      await vi.waitFor(async () => expect(await call('vault:status')).toMatchObject({ value: { state: 'locked' } }));
      await quit(fake);
      FakeBrowserWindow.created = [];
      FakeTray.created = [];
    }
  });

  it('quits only once a copied code has left the clipboard, though the clipboard answers later', async () => {
    const { fake, call } = await startMain();
    const added = await call('accounts:addUri', { uri: `otpauth://totp/ACME:alice?secret=${SECRET}&issuer=ACME` });
    await call('accounts:copyCode', { id: (added.value as { id: string }).id });
    expect(fake.clipboard.current).toMatch(/^\d{6}$/);
    await quit(fake);
    expect(fake.clipboard.current).toBe('');
    expect(fake.app.quitCalls).toBe(2);
  });

  it('shows one sentence and exits when the vault cannot be opened', async () => {
    process.env.TRAYKEY_PASSPHRASE = '';
    process.env.TRAYKEY_HOME = join(tempHomeSync('main'), 'file-not-dir');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(process.env.TRAYKEY_HOME, 'not a folder');
    const fake = createFakeElectron({ gotLock: true });
    state.fake = fake;
    vi.resetModules();
    await import('../../../electron/main/main');
    await vi.waitFor(() => expect(fake.app.exitCodes).toEqual([1]), { timeout: 10_000 });
    expect(fake.errorBoxes).toEqual(['Traykey cannot open its vault']);
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });
});
