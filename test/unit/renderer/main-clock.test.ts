import { describe, expect, it } from 'vitest';
import { estimateOffset, keepTighter } from '../../../renderer/accounts/main-clock';

describe('main’s clock as the renderer estimates it', () => {
  it('takes the midpoint of a round trip, off by at most half of it', () => {
    expect(estimateOffset(1_000, 1_040, 1_030)).toEqual({ offset: 10, error: 20, at: 1_040 });
  });

  it('keeps a tight estimate over a later loose one (a slow answer while main computed 500 codes)', () => {
    const tight = estimateOffset(1_000, 1_004, 1_002);
    const loose = estimateOffset(2_000, 2_200, 2_060);
    expect(keepTighter(tight, loose)).toBe(tight);
  });

  it('takes a tighter estimate, and a loose one once the kept one has aged past it', () => {
    const kept = estimateOffset(0, 10, 5);
    const tighter = estimateOffset(100, 104, 102);
    expect(keepTighter(kept, tighter)).toBe(tighter);
    const hourLater = estimateOffset(3_600_000, 3_600_400, 3_600_200);
    expect(keepTighter(kept, hourLater)).toBe(hourLater);
  });

  it('takes any estimate that cannot agree with the kept one: main’s clock was corrected meanwhile', () => {
    const kept = estimateOffset(0, 4, 2);
    const corrected = estimateOffset(1_000, 1_200, 1_100 + 5_000);
    expect(keepTighter(kept, corrected).offset).toBe(5_000);
  });

  it('starts from the first estimate there is', () => {
    const first = estimateOffset(0, 300, 150);
    expect(keepTighter(null, first)).toBe(first);
  });
});
