import { describe, expect, it } from 'vitest';
import { bgraToRgbaInPlace } from '../../../shared/qr/channel-order';

describe('bgraToRgbaInPlace', () => {
  it('swaps blue and red in every pixel and leaves green and alpha alone', () => {
    const pixels = Uint8Array.from([1, 2, 3, 4, 10, 20, 30, 40]);
    expect([...bgraToRgbaInPlace(pixels)]).toEqual([3, 2, 1, 4, 30, 20, 10, 40]);
    expect([...pixels]).toEqual([3, 2, 1, 4, 30, 20, 10, 40]);
  });
});
