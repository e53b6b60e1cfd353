/**
 * The OS asking "is this really you?" before a keychain-mode vault opens again after a lock:
 * Touch ID on macOS (electron/platform/user-presence.ts). Electron offers no Windows Hello or Linux
 * equivalent, so there the OS keychain's own unlock prompt is the only gate.
 */
export interface UserPresence {
  isAvailable(): boolean;
  /** Resolves true once the user confirmed; false when they cancelled or the check failed. */
  confirm(reason: string): Promise<boolean>;
}
