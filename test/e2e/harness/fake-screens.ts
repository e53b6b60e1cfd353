/**
 * Screens for the scan route in real Chromium without Electron: the core gets a fixed roster (what
 * electron/main/platform/screen-roster.ts lists in the app), and the page's getDisplayMedia hands out, in
 * order, streams from canvases showing the given images (canvas.captureStream), which stands in for
 * Electron granting each desktop-capturer source. Everything after getDisplayMedia (frame, worker,
 * decoder, the one call to main) is the renderer's own code.
 */
import type { Page } from '@playwright/test';
import { ScreenShares } from '../../../electron/core/qr/screen-shares';
import type { ScreenCandidate } from '../../../electron/core/capabilities';

export interface FakeScreen {
  label: string;
  /** A PNG the size of the screen, shown on it. */
  png: Uint8Array;
  width: number;
  height: number;
}

export function fakeScreenShares(screens: readonly FakeScreen[]): ScreenShares {
  const candidates: ScreenCandidate[] = screens.map((s, i) => ({ sourceId: `screen:${i + 1}:0`, name: `Screen ${i + 1}`, label: s.label, width: s.width, height: s.height }));
  return new ScreenShares({ listScreens: async () => candidates }, () => Date.now());
}

/** Serialized into the page: replaces getDisplayMedia with canvas streams of the images, one per call, in order. */
function installFakeDisplays(images: string[]): void {
  let next = 0;
  const media = navigator.mediaDevices;
  media.getDisplayMedia = async () => {
    const url = images[next++ % images.length]!;
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    const paint = () => context.drawImage(image, 0, 0);
    paint();
    const stream = canvas.captureStream(10);
    // A canvas stream only produces frames while the canvas is drawn on; a screen keeps refreshing.
    const timer = setInterval(paint, 50);
    for (const track of stream.getVideoTracks()) track.addEventListener('ended', () => clearInterval(timer));
    const stop = MediaStreamTrack.prototype.stop;
    for (const track of stream.getVideoTracks()) {
      track.stop = function () {
        clearInterval(timer);
        stop.call(this);
      };
    }
    return stream;
  };
}

/** Gives the page its screens; call before its first navigation. */
export async function showOnScreens(page: Page, screens: readonly FakeScreen[]): Promise<void> {
  const images = screens.map((s) => `data:image/png;base64,${Buffer.from(s.png).toString('base64')}`);
  await page.addInitScript(`(() => { const __name = (target) => target; (${installFakeDisplays.toString()})(${JSON.stringify(images)}); })();`);
}
