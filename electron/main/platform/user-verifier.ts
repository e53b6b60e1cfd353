import { systemPreferences } from 'electron';
import type { UserVerifier } from '../../core/capabilities';

/**
 * Touch ID through Electron's systemPreferences, macOS only. Windows is not offered: Electron has no
 * Windows Hello API and no maintained Node binding for it was measured for this project. Linux has no
 * system-wide equivalent. Touch ID here answers yes or no; it releases no key, so the core keeps the
 * user-verification key in the vault and only signs with it after a yes.
 */
export function electronUserVerifier(platform: NodeJS.Platform = process.platform): UserVerifier | undefined {
  if (platform !== 'darwin') return undefined;
  return {
    name: 'Touch ID',
    // False with no finger enrolled, the lid closed, or Touch ID locked out after failed tries.
    isAvailable: () => systemPreferences.canPromptTouchID(),
    verify: (reason) =>
      systemPreferences.promptTouchID(reason).then(
        () => 'verified' as const,
        () => (systemPreferences.canPromptTouchID() ? ('cancelled' as const) : ('temporarily-unavailable' as const)),
      ),
  };
}
