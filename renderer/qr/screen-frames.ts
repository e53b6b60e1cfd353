/**
 * One frame of each screen main offered, taken from a getDisplayMedia stream the page opens itself:
 * Electron's display-media handler grants each offered screen once, in order (core/qr/screen-shares.ts),
 * so the pixels go from the capturer to this page and on to the decoder's worker without crossing IPC.
 */
import type { OfferedScreen } from '../../shared/ipc/scan';

/** A frame that never comes means the capture is stuck; the scan says so instead of waiting forever. */
const FRAME_TIMEOUT_MS = 5000;

function firstFrame(video: HTMLVideoElement): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no frame')), FRAME_TIMEOUT_MS);
    video.requestVideoFrameCallback(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Opens the next granted screen at its native size, takes one frame and stops the capture at once. */
export async function captureScreenFrame(screen: OfferedScreen): Promise<ImageBitmap> {
  const stream = await navigator.mediaDevices.getDisplayMedia({
    video: { width: { ideal: screen.width }, height: { ideal: screen.height }, frameRate: { ideal: 5 } },
    audio: false,
  });
  const video = document.createElement('video');
  try {
    video.muted = true;
    video.srcObject = stream;
    const frame = firstFrame(video);
    await video.play();
    await frame;
    return await createImageBitmap(video);
  } finally {
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  }
}
