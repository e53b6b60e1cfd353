/**
 * Chromium's screen bitmaps are BGRA; the decoder's luminance weights assume RGBA, and with the channels
 * crossed a blue brand colour reads as a much lighter red. Swaps in place (the buffer is the worker's own).
 */
export function bgraToRgbaInPlace(pixels: Uint8Array | Uint8ClampedArray): Uint8Array | Uint8ClampedArray {
  for (let i = 0; i + 3 < pixels.length; i += 4) {
    const blue = pixels[i]!;
    pixels[i] = pixels[i + 2]!;
    pixels[i + 2] = blue;
  }
  return pixels;
}
