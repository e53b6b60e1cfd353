/** A desktopCapturer source, reduced to what the choice needs. */
export interface ScreenSourceInfo {
  id: string;
  name: string;
  /** The display id as a string; empty on desktops that do not report it. */
  display_id: string;
}

/**
 * The screen a getDisplayMedia call captures when the OS has no picker of its own: the one the
 * pointer is on (where the user is looking at the QR code), else the first screen.
 */
export function pickScreenSource<S extends ScreenSourceInfo>(sources: readonly S[], displayId: number): S | null {
  const screens = sources.filter((source) => source.id.startsWith('screen:'));
  return screens.find((source) => source.display_id === String(displayId)) ?? screens[0] ?? null;
}
