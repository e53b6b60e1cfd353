import { timerDelay } from '../../shared/timer-delay';

/**
 * What core needs from the desktop, as small interfaces. main.ts passes the Electron adapters from
 * electron/main/platform/; tests and the CLI pass fakes or Node versions. Nothing here imports Electron.
 */

/** Asynchronous, like Electron 45's clipboard module and the web's navigator.clipboard. */
export interface Clipboard {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
}

export interface Notification {
  title: string;
  body: string;
  /** Called when the person clicks the notification (where the desktop reports clicks). */
  onClick?: () => void;
}

export interface Notifier {
  /** False where the desktop has no notification service; notify() is then a no-op. */
  isSupported(): boolean;
  notify(notification: Notification): void;
}

/** Moments when an unattended machine should not keep the vault open. */
export type PowerEvent = 'lock-screen' | 'unlock-screen' | 'suspend' | 'resume';

export interface PowerEvents {
  /** Subscribe to one event; returns the unsubscribe function. */
  on(event: PowerEvent, listener: () => void): () => void;
}

/** Opening Traykey at login: off unless the user turns it on. */
export interface AutoStart {
  isSupported(): boolean;
  isEnabled(): boolean;
  setEnabled(enabled: boolean): void;
}

/**
 * How a user-verification prompt ended. `temporarily-unavailable`: the prompt exists but cannot run
 * now (no finger enrolled, lid closed, locked out); `permanently-unavailable`: this machine has none.
 */
export type VerificationResult = 'verified' | 'cancelled' | 'temporarily-unavailable' | 'permanently-unavailable';

/**
 * The OS confirming that the person at the machine is its owner (Touch ID on macOS, through
 * electron/main/platform/user-verifier.ts). Only offered where such a prompt exists.
 */
export interface UserVerifier {
  /** What people call it, for sentences: "Touch ID". */
  readonly name: string;
  /** True when a prompt could be shown right now. */
  isAvailable(): boolean;
  /** Shows the OS prompt; `reason` completes "Traykey is trying to …". */
  verify(reason: string): Promise<VerificationResult>;
}

/** One display as the desktop offers it for capture. */
export interface ScreenCandidate {
  /** Electron's desktopCapturer source id and name: what the display-media handler grants. */
  sourceId: string;
  name: string;
  label: string;
  /** Native pixels. */
  width: number;
  height: number;
}

/**
 * The desktop's global shortcuts (Electron's globalShortcut, electron/main/platform/global-shortcuts.ts;
 * a fake in the e2e harness). The OS hands each combination to one app at a time.
 */
export interface GlobalShortcuts {
  /**
   * Asks the OS for the keys; `onPress` runs each time they are pressed anywhere. False when it refuses
   * (another app holds them, or it cannot grab that combination); never throws.
   */
  register(accelerator: string, onPress: () => void): boolean;
  unregister(accelerator: string): void;
}

/** The app's other windows, which only main can make (the e2e harness opens a second page instead). */
export interface AppWindows {
  /** Opens the Admin window, or brings it to the front when it is open already. */
  openAdmin(): void;
  /** Hides the tray popup; it stays loaded for the next time. */
  hidePopup(): void;
  /** Shows the popup by the tray icon, or hides it when it is up, as a tray click does; true when it is now shown. */
  togglePopup(): boolean;
}

/**
 * The displays that can be captured, listed without capturing any pixels. main.ts passes
 * electron/main/platform/screen-roster.ts; the CLI has none, and the e2e harness a fixed list, because
 * listing needs Electron.
 */
export interface ScreenRoster {
  listScreens(): Promise<ScreenCandidate[]>;
}

/**
 * The OS asking "is this really you?" before a keychain-mode vault opens again after a lock:
 * Touch ID on macOS (electron/main/platform/user-presence.ts). Electron offers no Windows Hello or Linux
 * equivalent, so there the OS keychain's own unlock prompt is the only gate.
 */
export interface UserPresence {
  isAvailable(): boolean;
  /** Resolves true once the user confirmed; false when they cancelled or the check failed. */
  confirm(reason: string): Promise<boolean>;
}

/** The kinds of file a dialog offers first; the person can still pick any file. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * The desktop's own open and save dialogs (Electron's dialog module, electron/main/platform/file-dialogs.ts);
 * the person's choice is a path main reads or writes, so no file content passes through the renderer.
 * Each resolves with null when the person cancels.
 */
export interface FileDialogs {
  chooseFileToOpen(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  /** The dialog asks before replacing an existing file, so the caller may write over the path it returns. */
  chooseFileToSave(options: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
  /** A folder (Settings → Sync's synced folder); the dialog lets the person make a new one. */
  chooseFolder(options: { title: string }): Promise<string | null>;
}

/** Opens a URL in the user's browser: Electron's shell.openExternal in the app, xdg-open or a printed URL in the CLI. */
export type BrowserOpener = (url: string) => Promise<void>;

/** Delayed work, injectable so tests run on virtual time. */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, timerDelay(ms)),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
