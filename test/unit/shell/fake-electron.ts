/**
 * A stand-in for the `electron` module, recording what main.ts asks of it. The real module needs
 * the Electron binary, which these machines cannot download; this checks main.ts's wiring only.
 */
import { EventEmitter } from 'node:events';
import { FakeClipboard } from '../../support/fake-clipboard';

type Listener = (...args: never[]) => unknown;

export class FakeWebContents extends EventEmitter {
  sent: string[] = [];
  /** Each message with its payload, and whether its window was visible when it went out. */
  messages: { channel: string; payload: unknown; windowVisible: boolean }[] = [];
  constructor(private readonly windowVisible: () => boolean = () => false) {
    super();
  }
  windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload?: unknown) {
    this.sent.push(channel);
    this.messages.push({ channel, payload, windowVisible: this.windowVisible() });
  }
  isDevToolsOpened() {
    return false;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  visible = false;
  webContents = new FakeWebContents(() => this.visible);
  loadedUrl = '';
  bounds = { x: 0, y: 0, width: 0, height: 0 };
  constructor(readonly options: { width: number; height: number; webPreferences: Record<string, unknown> }) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  getSize() {
    return [this.options.width, this.options.height];
  }
  setBounds(bounds: { x: number; y: number; width: number; height: number }) {
    this.bounds = bounds;
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {}
  isVisible() {
    return this.visible;
  }
  isDestroyed() {
    return false;
  }
}

export class FakeTray extends EventEmitter {
  static created: FakeTray[] = [];
  menu: { items: { label?: string; click?: () => void; enabled?: boolean }[] } | null = null;
  constructor(readonly image: unknown) {
    super();
    FakeTray.created.push(this);
  }
  getBounds() {
    return { x: 1200, y: 0, width: 22, height: 24 };
  }
  title = '';
  toolTip = '';
  setTitle(title: string) {
    this.title = title;
  }
  setToolTip(toolTip: string) {
    this.toolTip = toolTip;
  }
  setImage() {}
  setContextMenu(menu: FakeTray['menu']) {
    this.menu = menu;
  }
  popUpContextMenu() {}
  destroy() {}
}

export class FakeNotification {
  static shown: { title: string; body: string }[] = [];
  static isSupported() {
    return true;
  }
  constructor(private readonly options: { title: string; body: string }) {}
  show() {
    FakeNotification.shown.push({ title: this.options.title, body: this.options.body });
  }
}

/**
 * Electron 45's clipboard answers through promises that settle on a later turn of the event loop (the
 * OS is asked), not in the same tick: work that reads and then clears it needs the process to stay up.
 */
class SlowClipboard extends FakeClipboard {
  override async readText(): Promise<string> {
    await new Promise((resolve) => setImmediate(resolve));
    return super.readText();
  }

  override async writeText(text: string): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    return super.writeText(text);
  }
}

/** `shortcutsTaken`: keys another app holds, which globalShortcut.register refuses. */
export function createFakeElectron(options: { gotLock: boolean; shortcutsTaken?: string[] }) {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    quitCalls: 0,
    exitCodes: [] as number[],
    enableSandbox() {},
    requestSingleInstanceLock: () => options.gotLock,
    whenReady: () => Promise.resolve(),
    getAppPath: () => process.cwd(),
    setAsDefaultProtocolClient: () => true,
    getLoginItemSettings: () => ({ openAtLogin: false }),
    setLoginItemSettings() {},
    /** Set once a quit went through: no will-quit listener held it back. */
    ended: false,
    /** As Electron does: will-quit, whose listeners may hold the quit back with preventDefault. */
    quit() {
      app.quitCalls += 1;
      let held = false;
      app.emit('will-quit', { preventDefault: () => (held = true) });
      if (!held) app.ended = true;
    },
    exit(code: number) {
      app.exitCodes.push(code);
    },
  });
  const handled = new Map<string, Listener>();
  const clipboard = new SlowClipboard();
  const power = new EventEmitter();
  /** What main holds now, with what each does when pressed. */
  const shortcuts = new Map<string, () => void>();
  const errorBoxes: string[] = [];
  const protocols: string[] = [];
  const session = {
    webRequest: { onHeadersReceived() {} },
    setPermissionRequestHandler() {},
    setPermissionCheckHandler() {},
    setDevicePermissionHandler() {},
    setDisplayMediaRequestHandler() {},
    on() {},
  };
  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Notification: FakeNotification,
    Menu: { buildFromTemplate: (items: unknown[]) => ({ items }) },
    nativeImage: { createFromPath: (path: string) => ({ path, setTemplateImage() {} }) },
    nativeTheme: Object.assign(new EventEmitter(), { shouldUseDarkColors: false }),
    screen: {
      getCursorScreenPoint: () => ({ x: 1210, y: 10 }),
      getDisplayMatching: () => ({ id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: { x: 0, y: 25, width: 1440, height: 875 } }),
      getDisplayNearestPoint: () => ({ id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: { x: 0, y: 25, width: 1440, height: 875 } }),
    },
    globalShortcut: {
      register: (accelerator: string, onPress: () => void) => {
        if (options.shortcutsTaken?.includes(accelerator)) return false;
        shortcuts.set(accelerator, onPress);
        return true;
      },
      unregister: (accelerator: string) => shortcuts.delete(accelerator),
    },
    dialog: { showErrorBox: (title: string) => errorBoxes.push(title) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string }[]) => protocols.push(...schemes.map((s) => `privileged:${s.scheme}`)),
      handle: (scheme: string) => protocols.push(`handle:${scheme}`),
    },
    session: { defaultSession: session },
    ipcMain: {
      handle: (channel: string, handler: Listener) => handled.set(channel, handler),
      removeHandler: (channel: string) => handled.delete(channel),
    },
    clipboard,
    powerMonitor: power,
    shell: { openExternal: async () => undefined },
    desktopCapturer: { getSources: async () => [] },
  };
  return { module, app, handled, clipboard, power, shortcuts, errorBoxes, protocols };
}
