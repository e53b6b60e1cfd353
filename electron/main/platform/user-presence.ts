import { systemPreferences } from 'electron';
import type { UserPresence } from '../../core/capabilities';

/**
 * Touch ID on macOS. Electron has no API for Windows Hello or a Linux equivalent, so elsewhere this
 * reports unavailable and the OS keychain's own prompt (if it has one) is what guards the key.
 */
export function electronUserPresence(platform: NodeJS.Platform = process.platform): UserPresence {
  const touchId = platform === 'darwin';
  return {
    isAvailable: () => touchId && systemPreferences.canPromptTouchID(),
    confirm: (reason) =>
      systemPreferences.promptTouchID(reason).then(
        () => true,
        () => false,
      ),
  };
}
