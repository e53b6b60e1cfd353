/**
 * The ScreenRoster main.ts gives core: every display with its desktopCapturer source, listed without a
 * single pixel (zero-size thumbnails). The page then opens each capture itself through getDisplayMedia,
 * which the session's display-media handler grants (main/window/harden-session.ts, decided by
 * core/qr/screen-shares.ts). Typed against Electron's own .d.ts; it cannot run on the build machines, so
 * pairing sources with displays lives in core/qr/match-displays.ts, where it is tested.
 *
 * On Wayland getSources goes through the xdg-desktop-portal ScreenCast interface, where the person picks
 * what to share and the sources carry no display id.
 */
import { desktopCapturer, screen } from 'electron';
import { matchSourcesToDisplays, nativeSize } from '../../core/qr/match-displays';
import type { ScreenCandidate, ScreenRoster } from '../../core/capabilities';

export function electronScreenRoster(): ScreenRoster {
  return {
    async listScreens(): Promise<ScreenCandidate[]> {
      const displays = screen.getAllDisplays().map((d) => ({ id: d.id, label: d.label, size: d.size, scaleFactor: d.scaleFactor }));
      // One call for all screens: on Wayland every call shows the portal's picker again.
      const sources = await desktopCapturer.getSources({ types: ['screen'], thumbnailSize: { width: 0, height: 0 }, fetchWindowIcons: false });
      return matchSourcesToDisplays(sources, displays).map(({ source, display, index }) => ({
        sourceId: source.id,
        name: source.name,
        label: display.label || `Display ${index + 1}`,
        ...nativeSize(display),
      }));
    },
  };
}
