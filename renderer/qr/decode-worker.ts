/// <reference lib="webworker" />
/**
 * Decodes off the UI thread with the same module the CLI uses. Vite bundles ZXing-C++'s .wasm next to
 * this worker (`?url`), so it is loaded from the app itself, never from a CDN; the page's CSP must allow
 * 'wasm-unsafe-eval' for it to compile.
 */
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { configureQrEngine, decodeQrCodes, OversizeImageError, UnreadableImageError, type QrSource } from '../../shared/qr/decode-qr';
import type { DecodeInput, DecodeReply, DecodeRequest } from './decode-protocol';

declare const self: DedicatedWorkerGlobalScope;

const ready = configureQrEngine({ locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? new URL(wasmUrl, self.location.href).href : prefix + path) });

/** A frame's RGBA pixels at its own size: drawn once onto an offscreen canvas, then the frame is released. */
function framePixels(frame: ImageBitmap): QrSource {
  try {
    const canvas = new OffscreenCanvas(frame.width, frame.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (context === null) throw new UnreadableImageError('the frame could not be drawn');
    context.drawImage(frame, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, frame.width, frame.height);
    return { data, width, height };
  } finally {
    frame.close();
  }
}

async function decode(input: DecodeInput): Promise<string[]> {
  await ready;
  const found = await decodeQrCodes(input.kind === 'file' ? input.bytes : framePixels(input.frame));
  return found.map((code) => code.text);
}

self.onmessage = async (event: MessageEvent<DecodeRequest>) => {
  const { id, input } = event.data;
  let reply: DecodeReply;
  try {
    reply = { id, ok: true, texts: await decode(input) };
  } catch (error) {
    const message =
      error instanceof OversizeImageError
        ? `That image was not read: ${error.message}. Crop it to the QR code, or use a smaller screenshot.`
        : error instanceof UnreadableImageError
          ? 'That file is not a readable PNG or JPEG image.'
          : 'The image could not be decoded.';
    reply = { id, ok: false, message };
  }
  self.postMessage(reply);
};
