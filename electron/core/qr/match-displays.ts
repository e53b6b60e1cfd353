/** What the screen roster knows of a display (from Electron's screen module). */
export interface DisplayInfo {
  id: number;
  label: string;
  /** In points (device-independent pixels). */
  size: { width: number; height: number };
  scaleFactor: number;
}

/** A desktopCapturer source, reduced to what matching needs. */
export interface SourceInfo {
  id: string;
  /** The display id as a string; empty where the desktop does not report it (Wayland). */
  display_id: string;
}

export function nativeSize(display: DisplayInfo): { width: number; height: number } {
  return { width: Math.round(display.size.width * display.scaleFactor), height: Math.round(display.size.height * display.scaleFactor) };
}

/**
 * Pairs each screen source with its display: by display id where the desktop reports it, else in order
 * (Wayland's portal gives the screens the user chose without ids; the primary display's size is the best guess).
 */
export function matchSourcesToDisplays<S extends SourceInfo>(sources: readonly S[], displays: readonly DisplayInfo[]): Array<{ source: S; display: DisplayInfo; index: number }> {
  const screens = sources.filter((s) => s.id.startsWith('screen:'));
  const unmatched = [...displays];
  const pairs: Array<{ source: S; display: DisplayInfo; index: number }> = [];
  for (const source of screens.filter((s) => s.display_id !== '')) {
    const at = unmatched.findIndex((d) => String(d.id) === source.display_id);
    if (at >= 0) pairs.push({ source, display: unmatched.splice(at, 1)[0]!, index: pairs.length });
  }
  for (const source of screens.filter((s) => !pairs.some((p) => p.source === s))) {
    const display = unmatched.shift();
    if (display === undefined) break;
    pairs.push({ source, display, index: pairs.length });
  }
  return pairs;
}
