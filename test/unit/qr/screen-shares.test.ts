import { describe, expect, it } from 'vitest';
import { SHARE_WINDOW_MS, ScreenShares, type ShareAsk } from '../../../electron/core/qr/screen-shares';

const SCREENS = [
  { sourceId: 'screen:1:0', name: 'Screen 1', label: 'Built-in', width: 3024, height: 1964 },
  { sourceId: 'screen:2:0', name: 'Screen 2', label: 'DELL U2720Q', width: 3840, height: 2160 },
];
const PAGE = 'frame:4:1';
const ask = (over: Partial<ShareAsk> = {}): ShareAsk => ({ sender: PAGE, trusted: true, userGesture: true, videoRequested: true, audioRequested: false, ...over });

function shares() {
  const clock = { now: 1_000 };
  return { clock, shares: new ScreenShares({ listScreens: async () => SCREENS }, () => clock.now) };
}

describe('which screen a page’s getDisplayMedia request gets', () => {
  it('grants each offered screen once, in the order offered, after the click that asked for them', async () => {
    const { shares: s } = shares();
    expect(await s.open(PAGE)).toEqual([
      { label: 'Built-in', width: 3024, height: 1964 },
      { label: 'DELL U2720Q', width: 3840, height: 2160 },
    ]);
    expect(s.grant(ask())).toEqual({ id: 'screen:1:0', name: 'Screen 1' });
    // The second capture of the same scan may come after the click's activation has lapsed.
    expect(s.grant(ask({ userGesture: false }))).toEqual({ id: 'screen:2:0', name: 'Screen 2' });
    expect(s.grant(ask())).toBeNull();
  });

  it('grants nothing the page did not ask main for first', () => {
    expect(shares().shares.grant(ask())).toBeNull();
  });

  it('refuses a first capture without a user gesture, and keeps the offer for the gesture', async () => {
    const { shares: s } = shares();
    await s.open(PAGE);
    expect(s.grant(ask({ userGesture: false }))).toBeNull();
    expect(s.grant(ask())).toEqual({ id: 'screen:1:0', name: 'Screen 1' });
  });

  it.each([
    ['another frame', { sender: 'frame:9:1' }],
    ['a frame that is gone', { sender: null }],
    ['a page that is not ours', { trusted: false }],
    ['a request with audio', { audioRequested: true }],
    ['a request without video', { videoRequested: false }],
  ] as const)('refuses %s', async (_what, over) => {
    const { shares: s } = shares();
    await s.open(PAGE);
    expect(s.grant(ask(over))).toBeNull();
  });

  it('closes the offer after its window', async () => {
    const { shares: s, clock } = shares();
    await s.open(PAGE);
    clock.now += SHARE_WINDOW_MS + 1;
    expect(s.grant(ask())).toBeNull();
    clock.now -= SHARE_WINDOW_MS + 1;
    expect(s.grant(ask())).toBeNull();
  });

  it('a new request for screens replaces the old offer', async () => {
    const { shares: s } = shares();
    await s.open('frame:9:1');
    await s.open(PAGE);
    expect(s.grant(ask({ sender: 'frame:9:1' }))).toBeNull();
    expect(s.grant(ask())).toEqual({ id: 'screen:1:0', name: 'Screen 1' });
  });
});
