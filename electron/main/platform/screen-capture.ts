/**
 * The ScreenSource main.ts gives core: every display, captured at its native pixel size. Typed against
 * Electron's own .d.ts; it cannot run on the build machines (no Electron binary), so the mapping from
 * sources to displays lives in electron/core/qr/match-displays.ts, where it is tested.
 *
 * desktopCapturer thumbnails are Chromium's own screen captures scaled to fit `thumbnailSize`; asking
 * for each display's size times its scale factor gives full resolution instead of the 150x150 default
 * that makes other authenticators miss HiDPI codes. On Wayland the same call goes through the
 * xdg-desktop-portal ScreenCast interface (Electron's PipeWire capturer), where the user picks what to
 * share and the sources carry no display id.
 */
import { desktopCapturer, screen } from 'electron';
import type { CapturedDisplay } from '../../../shared/ipc/scan';
import { captureBox, matchSourcesToDisplays, nativeSize } from '../../core/qr/match-displays';
import type { ScreenSource } from '../../core/capabilities';

export function createScreenCapture(): ScreenSource {
  return {
    async captureDisplays(): Promise<CapturedDisplay[]> {
      const displays = screen.getAllDisplays().map((d) => ({ id: d.id, label: d.label, size: d.size, scaleFactor: d.scaleFactor }));
      // One call for all screens: on Wayland every call shows the portal's picker again.
      const sources = await desktopCapturer.getSources({ types: ['screen'], thumbnailSize: captureBox(displays), fetchWindowIcons: false });
      return matchSourcesToDisplays(sources, displays).map(({ source, display, index }) => {
        const native = nativeSize(display);
        const shot = source.thumbnail.getSize();
        // A smaller display is drawn into the shared box larger than it is: bring it back to its own pixels.
        const image = shot.width === native.width && shot.height === native.height ? source.thumbnail : source.thumbnail.resize({ ...native, quality: 'best' });
        const { width, height } = image.getSize();
        return {
          id: String(display.id),
          label: display.label || `Display ${index + 1}`,
          width,
          height,
          scaleFactor: display.scaleFactor,
          channelOrder: 'bgra' as const,
          pixels: new Uint8Array(image.toBitmap()),
        };
      }).filter((d) => d.width > 0 && d.height > 0);
    },
  };
}
