/// <reference lib="webworker" />
/**
 * Decodes off the UI thread with the same module the CLI uses. Vite bundles ZXing-C++'s .wasm next to
 * this worker (`?url`), so it is loaded from the app itself, never from a CDN; the page's CSP must allow
 * 'wasm-unsafe-eval' for it to compile.
 */
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { bgraToRgbaInPlace } from '../../shared/qr/channel-order';
import { configureQrEngine, decodeQrCodes, OversizeImageError, UnreadableImageError } from '../../shared/qr/decode-qr';
import type { DecodeInput, DecodeReply, DecodeRequest } from './decode-protocol';

declare const self: DedicatedWorkerGlobalScope;

const ready = configureQrEngine({ locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? new URL(wasmUrl, self.location.href).href : prefix + path) });

async function decode(input: DecodeInput): Promise<string[]> {
  await ready;
  const found = await decodeQrCodes(input.kind === 'file' ? input.bytes : { data: input.channelOrder === 'bgra' ? bgraToRgbaInPlace(input.pixels) : input.pixels, width: input.width, height: input.height });
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
