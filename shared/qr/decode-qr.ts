/**
 * The one QR decoder, shared by the renderer's Web Worker and the Node CLI. It touches only typed
 * arrays: the host tells it where the ZXing-C++ WebAssembly binary is (`configureQrEngine`), because a
 * browser fetches it from a bundled URL and Node reads it from the package.
 *
 * ZXing-C++ was chosen over jsQR after a side-by-side measurement (see test/bench/qr.bench.ts): it
 * finds every code in a capture in one call, inverted ones included, and is several times faster.
 */
import { prepareZXingModule, readBarcodes, type ReaderOptions, type ZXingModuleOverrides } from 'zxing-wasm/reader';
import { imageDimensions } from './image-dimensions';

/** Pixels as a canvas or a screen capture gives them: 4 bytes per pixel, RGBA order. */
export interface RgbaImage {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

/** A capture's pixels, or the bytes of a PNG or JPEG file. */
export type QrSource = RgbaImage | Uint8Array;

export interface FoundCode {
  text: string;
  /** Corners in image pixels, so a preview can outline the code. */
  corners: Array<{ x: number; y: number }>;
}

/**
 * Chosen on the benchmark corpus: QR symbols are found by their finder patterns in any orientation, so
 * the 90° retries (tryRotate) only cost time; inverted codes (light on dark, terminals in dark mode) need
 * tryInvert; a half-size pass (downscaleFactor 2) is what finds low-contrast and soft, zoomed codes;
 * tryHarder (every scan line) costs about 10% and is what finds dense codes drawn with 2-pixel modules.
 */
export const QR_READER_OPTIONS: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryInvert: true,
  tryRotate: false,
  tryDownscale: true,
  downscaleFactor: 2,
  maxNumberOfSymbols: 64,
};

export const MAX_QR_PIXELS = 8192 * 8192;

export function configureQrEngine(overrides: ZXingModuleOverrides): Promise<unknown> {
  return prepareZXingModule({ overrides, fireImmediately: true });
}

function isRgbaImage(source: QrSource): source is RgbaImage {
  return !(source instanceof Uint8Array);
}

/** The image could not be read at all: not a PNG/JPEG, truncated, or pixels that do not match the size. */
export class UnreadableImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableImageError';
  }
}

/** The image is larger than Traykey decodes; the size comes from its header, before any decoding. */
export class OversizeImageError extends Error {
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    super(`the image is ${width}×${height} pixels, more than the ${Math.round(MAX_QR_PIXELS / 1e6)} megapixels Traykey reads`);
    this.name = 'OversizeImageError';
  }
}

/** Every QR code in the image, each text once (a code seen on two displays is one code). */
export async function decodeQrCodes(source: QrSource): Promise<FoundCode[]> {
  if (!isRgbaImage(source)) {
    const size = imageDimensions(source);
    if (!size || size.width === 0 || size.height === 0) throw new UnreadableImageError('it is not a readable PNG or JPEG image');
    if (size.width * size.height > MAX_QR_PIXELS) throw new OversizeImageError(size.width, size.height);
  } else {
    const { width, height, data } = source;
    if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0 || width * height > MAX_QR_PIXELS) {
      throw new UnreadableImageError('the image has no usable size');
    }
    if (data.length !== width * height * 4) throw new UnreadableImageError('the image data does not match its size');
  }
  const results = await readBarcodes(isRgbaImage(source) ? { data: source.data, width: source.width, height: source.height } as ImageDataLike : source, QR_READER_OPTIONS);
  const seen = new Set<string>();
  const found: FoundCode[] = [];
  for (const result of results) {
    // zxing reports a file it cannot decode as one result without a format, not as an exception.
    if ((result.format as string) === '' && result.error !== '') throw new UnreadableImageError('it is not a readable PNG or JPEG image');
    if (!result.isValid || result.format !== 'QRCode' || result.text === '' || seen.has(result.text)) continue;
    seen.add(result.text);
    const { topLeft, topRight, bottomRight, bottomLeft } = result.position;
    found.push({ text: result.text, corners: [topLeft, topRight, bottomRight, bottomLeft].map(({ x, y }) => ({ x, y })) });
  }
  return found;
}

/** zxing-wasm reads any object with data, width and height; the DOM's ImageData type is not needed. */
type ImageDataLike = Parameters<typeof readBarcodes>[0] & RgbaImage;
