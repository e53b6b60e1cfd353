import { describe, expect, it } from 'vitest';
import { matchSourcesToDisplays, nativeSize, type DisplayInfo } from '../../../electron/core/qr/match-displays';

const laptop: DisplayInfo = { id: 1, label: 'Built-in', size: { width: 1512, height: 982 }, scaleFactor: 2 };
const portrait: DisplayInfo = { id: 2, label: 'Dell', size: { width: 1080, height: 1920 }, scaleFactor: 1 };
const fourK: DisplayInfo = { id: 3, label: 'LG', size: { width: 1920, height: 1080 }, scaleFactor: 2 };

describe('screen capture sizing', () => {
  it('captures a HiDPI display at its native pixels, never at point size', () => {
    expect(nativeSize(laptop)).toEqual({ width: 3024, height: 1964 });
    expect(nativeSize(fourK)).toEqual({ width: 3840, height: 2160 });
  });

  it('pairs sources with displays by id, and in order where the desktop gives no ids (Wayland)', () => {
    const sources = [
      { id: 'screen:3:0', display_id: '3' },
      { id: 'window:9:0', display_id: '' },
      { id: 'screen:1:0', display_id: '1' },
    ];
    expect(matchSourcesToDisplays(sources, [laptop, portrait, fourK]).map((p) => [p.source.id, p.display.id])).toEqual([
      ['screen:3:0', 3],
      ['screen:1:0', 1],
    ]);
    expect(matchSourcesToDisplays([{ id: 'screen:0:0', display_id: '' }], [laptop, fourK]).map((p) => p.display.id)).toEqual([1]);
  });
});
