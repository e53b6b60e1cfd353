import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { configureQrEngine } from '../../../shared/qr/decode-qr';

let ready: Promise<unknown> | undefined;

/** Loads ZXing-C++'s WebAssembly from the installed package (never from a CDN) once per process. */
export function prepareNodeQrEngine(): Promise<unknown> {
  ready ??= (async () => {
    const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    const bytes = await readFile(wasmPath);
    return configureQrEngine({ wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  })();
  return ready;
}
