import { globalShortcut } from 'electron';
import type { GlobalShortcuts } from '../../core/capabilities';

/**
 * Electron's global shortcuts. register() answers false when the OS refuses the keys, and throws for an
 * accelerator this platform cannot express; both mean "not registered" to the core. Where the OS does
 * not tell (Electron's docs: some systems let the call "silently fail"), a taken shortcut cannot be seen.
 */
export function electronGlobalShortcuts(): GlobalShortcuts {
  return {
    register: (accelerator, onPress) => {
      try {
        return globalShortcut.register(accelerator, onPress);
      } catch {
        return false;
      }
    },
    unregister: (accelerator) => globalShortcut.unregister(accelerator),
  };
}
