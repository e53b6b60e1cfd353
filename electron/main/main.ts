/**
 * The Electron main process: lifecycle, single instance, tray, popup, deep links. Wiring only:
 * every decision it applies is a tested module beside it (window/, tray/, ipc/) or in core/ (deep links: core/deep-link/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { autoUpdater } from 'electron-updater';
import { feedUrlFromAppUpdateConfig } from '../core/updates/app-update-config';
import { electronUpdater } from '../core/updates/electron-updater-adapter';
import type { Updater } from '../core/updates/update-service';
import { app, dialog, screen, session, shell, type BrowserWindow } from 'electron';
import { EVENTS, type EventName } from '../../shared/ipc';
import { isAppError } from '../../shared/errors';
import { createCore, type Core } from '../core/app-core';
import { dataHome } from '../core/paths';
import { openVaultFromEnv } from '../core/vault/open-from-env';
import { createDeepLinkInbox } from '../core/deep-link/inbox';
import { DEEP_LINK_SCHEME } from '../core/deep-link/parse-deep-link';
import { createDeepLinkReceiver } from '../core/deep-link/receive-deep-link';
import { registerIpc } from './ipc/register-ipc';
import { electronAutoStart } from './platform/auto-start';
import { electronClipboard } from './platform/clipboard';
import { electronFileDialogs } from './platform/file-dialogs';
import { electronGlobalShortcuts } from './platform/global-shortcuts';
import { electronNotifier } from './platform/notifier';
import { electronPowerEvents } from './platform/power-events';
import { electronScreenRoster } from './platform/screen-roster';
import { ScreenShares } from '../core/qr/screen-shares';
import { electronUserPresence } from './platform/user-presence';
import { electronUserVerifier } from './platform/user-verifier';
import { configureFileLogging, log } from '../core/log';
import { closeBeforeQuit } from '../core/lifecycle/close-before-quit';
import { createTray, type TrayHandle } from './tray/create-tray';
import { trayIconDir } from '../core/tray/tray-icon';
import type { TrayAction, TrayMenuState } from '../core/tray/tray-menu';
import { createAdminWindow, createPopupWindow } from './window/create-windows';
import { ADMIN_WINDOW, sizeToOpen, sizeToRemember } from '../core/windows/remembered-size';
import { windowSizeStore, type WindowSizeStore } from '../core/windows/window-size-store';
import { hardenSession, hardenWebContents } from './window/harden-session';
import { popupBounds } from '../core/windows/popup-position';
import { popupToggle } from '../core/windows/popup-toggle';
import { registerAppScheme, serveRenderer } from './window/register-app-protocol';
import { pushBadge } from '../core/tray/push-badge';
import { displayAccelerator, type Platform } from '../../shared/shortcut/accelerator';
import { readPolicy } from '../core/policy/policy-service';
import { platformPolicySources } from '../core/policy/platform-policy-sources';
import { watchPolicy } from '../core/policy/watch-policy';
import { watchPolicyFile } from '../core/policy/watch-policy-file';
import { realTimers } from '../core/capabilities';
import { signInPageUrl } from '../core/idp/http/sign-in-page';


let popup: BrowserWindow | null = null;
let adminWindow: BrowserWindow | null = null;
let windowSizes: WindowSizeStore | null = null;
let tray: TrayHandle | null = null;
let core: Core | null = null;
let stopPolicyWatch: () => void = () => undefined;
/** A file dialog of ours is up: the popup it belongs to loses focus to it and must not hide. */
let fileDialogOpen = false;
const toggle = popupToggle(() => Date.now());
/** Quitting waits this long at most for the core to close and clear a copied code. */
const QUIT_CLOSE_LIMIT_MS = 2000;
const inbox = createDeepLinkInbox({ now: () => Date.now() });
const autoStart = electronAutoStart();
const notifier = electronNotifier();
const screens = new ScreenShares(electronScreenRoster(), () => Date.now());

function showPopup(): void {
  if (!popup || !tray) return;
  const trayBounds = tray.tray.getBounds();
  const cursor = screen.getCursorScreenPoint();
  const display = trayBounds.width > 0 ? screen.getDisplayMatching(trayBounds) : screen.getDisplayNearestPoint(cursor);
  const [width = 0, height = 0] = popup.getSize();
  popup.setBounds(popupBounds({ trayBounds, cursor, display, size: { width, height } }));
  // Sent ahead so the popup, hidden maybe for minutes, paints current codes in its first frame.
  core?.showingPopup();
  popup.show();
  popup.focus();
}

/** True when the popup is up afterwards. */
function togglePopup(): boolean {
  if (!popup) return false;
  if (toggle.shouldShowOnToggle(popup.isVisible())) showPopup();
  else popup.hide();
  return popup.isVisible();
}

function send(event: EventName, payload?: unknown): void {
  for (const window of [popup, adminWindow]) if (window && !window.isDestroyed()) window.webContents.send(event, payload);
}

function preloadPath(): string {
  return join(app.getAppPath(), 'dist', 'electron', 'preload.cjs');
}

/** One Admin window at most: asking again brings it forward. It opens at the size it was last closed at. */
async function openAdminWindow(): Promise<void> {
  if (adminWindow && !adminWindow.isDestroyed()) {
    adminWindow.show();
    adminWindow.focus();
    return;
  }
  const store = windowSizes;
  const workArea = screen.getDisplayNearestPoint(screen.getCursorScreenPoint()).workAreaSize;
  const size = sizeToOpen(await store?.load('admin'), workArea, ADMIN_WINDOW);
  const window = createAdminWindow({ preloadPath: preloadPath(), devTools: !app.isPackaged, size, minSize: ADMIN_WINDOW.min });
  adminWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const { width, height } = window.getNormalBounds();
    void store?.save('admin', sizeToRemember({ width, height }, ADMIN_WINDOW)).catch(() => log.warn('The Admin window’s size could not be remembered.'));
  });
  window.on('closed', () => {
    if (adminWindow === window) adminWindow = null;
  });
}

const links = createDeepLinkReceiver({ inbox, now: () => Date.now(), notify: (body) => notifier.notify({ title: 'Traykey', body }), showPopup });

/** Push enrolment's sign-in page opens in the system browser under the opener rule the CLI uses too. */
async function openSignIn(url: string): Promise<void> {
  await shell.openExternal(signInPageUrl(url));
}

async function trayState(): Promise<TrayMenuState> {
  const status = core ? await core.handlers['vault:status']({}) : null;
  const update = core ? await core.updates.current() : null;
  const shortcut = core?.shortcut?.status();
  return {
    vaultUnlocked: status?.state === 'unlocked',
    autoStart: autoStart.isSupported() ? autoStart.isEnabled() : null,
    // As people read it: "Ctrl+Alt+K", or "⌥⌘K" on macOS, not Electron's "CommandOrControl+Alt+K".
    shortcut: shortcut?.active ? displayAccelerator(shortcut.active, shortcut.platform) : null,
    shortcutTaken: shortcut?.shortcut && shortcut.problem ? displayAccelerator(shortcut.shortcut, shortcut.platform) : null,
    updateReady: update?.state === 'ready' ? { version: update.version ?? null } : null,
  };
}

async function refreshTray(): Promise<void> {
  tray?.refresh(await trayState());
}

async function lockVault(): Promise<void> {
  if (!core) return;
  await core.lock.lock('user');
  await refreshTray();
}

function onTrayAction(action: TrayAction): void {
  switch (action) {
    case 'show':
      showPopup();
      return;
    case 'lock':
      void lockVault();
      return;
    case 'toggleAutoStart':
      autoStart.setEnabled(!autoStart.isEnabled());
      void refreshTray();
      return;
    case 'restartToUpdate':
      try {
        core?.updates.restart();
      } catch (error) {
        notifier.notify({ title: 'Traykey', body: isAppError(error) ? error.message : 'Traykey could not restart to update.' });
      }
      return;
    case 'quit':
      app.quit();
      return;
  }
}

/** Only an installed build has app-update.yml (electron-builder writes it from `publish`); a plain-http feed is refused. */
function installedUpdater(): Updater | undefined {
  if (!app.isPackaged) return undefined;
  try {
    const feed = feedUrlFromAppUpdateConfig(readFileSync(join(process.resourcesPath, 'app-update.yml'), 'utf8'));
    return feed ? electronUpdater(autoUpdater, feed) : undefined;
  } catch (error) {
    log.warn(isAppError(error) ? error.message : 'This build has no readable update configuration, so it does not update itself.');
    return undefined;
  }
}

async function start(): Promise<void> {
  await app.whenReady();
  if (process.platform === 'darwin') app.dock?.hide();
  hardenSession(session.defaultSession, screens);
  serveRenderer(join(app.getAppPath(), 'dist', 'renderer'));
  // Only an installed app claims the scheme; a development run would register the bare Electron binary.
  if (app.isPackaged) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);

  const env = process.env;
  const home = dataHome(env);
  configureFileLogging({ env, home });
  windowSizes = windowSizeStore(home);
  let vault;
  try {
    vault = await openVaultFromEnv({ env, home });
  } catch (error) {
    const message = isAppError(error) ? error.message : 'The vault could not be opened.';
    dialog.showErrorBox('Traykey cannot open its vault', message);
    app.exit(1);
    return;
  }
  // The organisation's policy applies before the first window shows anything.
  const sources = platformPolicySources();
  const policy = await readPolicy(sources);
  for (const problem of policy.current().problems) log.warn(problem);
  policy.onChange((next) => {
    for (const problem of next.problems) log.warn(problem);
  });
  stopPolicyWatch = watchPolicy(policy, realTimers, { files: sources.flatMap((source) => (source.file ? [source.file] : [])), watchFile: watchPolicyFile });
  const updater = installedUpdater();
  core = createCore({ vault, home, policy, ...(updater ? { updater } : {}), clipboard: electronClipboard(), dialogs: electronFileDialogs(() => popup, (open) => (fileDialogOpen = open)), screens, presence: electronUserPresence(), deepLinks: inbox, power: electronPowerEvents(), push: { notifier, openBrowser: openSignIn, verifier: electronUserVerifier() }, windows: { openAdmin: () => void openAdminWindow(), hidePopup: () => popup?.hide(), togglePopup }, shortcut: { keys: electronGlobalShortcuts(), platform: shortcutPlatform() } });
  registerIpc(core.handlers);

  popup = createPopupWindow({ preloadPath: preloadPath(), devTools: !app.isPackaged });
  // Polling is fast while the popup is open: that is when a person is likely to be signing in.
  popup.on('show', () => core?.push.setPopupOpen(true));
  popup.on('hide', () => {
    core?.push.setPopupOpen(false);
    // A hidden popup listens for no keys: the shortcut Settings gave back while listening is taken again.
    void core?.shortcut?.listen(false);
  });
  popup.on('blur', () => {
    if (!popup || fileDialogOpen || popup.webContents.isDevToolsOpened()) return;
    popup.hide();
    toggle.hiddenByBlur();
  });
  for (const event of EVENTS) core.events.on(event, (payload) => send(event, payload));
  core.events.on('vault:changed', () => void refreshTray());
  core.events.on('updates:changed', () => void refreshTray());
  core.events.on('shortcut:changed', () => {
    const problem = core?.shortcut?.status().problem;
    if (problem) log.warn(problem);
    void refreshTray();
  });
  tray = createTray({
    trayDir: trayIconDir({ packaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() }),
    initialState: await trayState(),
    onClick: togglePopup,
    onAction: onTrayAction,
  });
  // A clicked request notification opens the popup; the renderer shows that request.
  core.events.on('push:open', showPopup);
  core.events.on('push:changed', () => {
    const badge = pushBadge(core?.push.list().length ?? 0);
    tray?.tray.setTitle(badge.title);
    tray?.tray.setToolTip(badge.toolTip);
  });

  links.start(process.argv);
}

// Every renderer sandboxed, whatever a window's own options say; both calls must precede `ready`.
app.enableSandbox();
registerAppScheme();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => links.secondLaunch(argv));
  // macOS delivers links as events, possibly before the app is ready.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    links.openUrl(url);
  });
  // Every web contents, not only the popup's, is denied navigation, new windows and webviews.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  // A tray app keeps running with its popup hidden or closed.
  app.on('window-all-closed', () => undefined);
  app.on(
    'will-quit',
    closeBeforeQuit({
      close: async () => {
        stopPolicyWatch();
        tray?.destroy();
        await core?.close();
      },
      quit: () => app.quit(),
      limitMs: QUIT_CLOSE_LIMIT_MS,
      timers: realTimers,
    }),
  );
  void start().catch((error: unknown) => {
    dialog.showErrorBox('Traykey could not start', isAppError(error) ? error.message : 'An unexpected error stopped Traykey from starting.');
    app.exit(1);
  });
}

function shortcutPlatform(): Platform {
  return process.platform === 'darwin' || process.platform === 'win32' ? process.platform : 'linux';
}
