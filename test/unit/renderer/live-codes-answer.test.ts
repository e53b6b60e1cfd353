import { describe, expect, it } from 'vitest';
import { EVENT_PAYLOADS } from '../../../shared/ipc';
import { isLiveCodesAnswer } from '../../../renderer/accounts/live-codes-answer';

const answer = { now: 61_000, codes: [{ id: 'a', code: '123456', next: '654321', periodStart: 60_000, period: 30 }] };

describe('popup:codes as the renderer checks it on arrival', () => {
  it('takes what the contract’s schema takes', () => {
    expect(EVENT_PAYLOADS['popup:codes'].parse(answer)).toEqual(answer);
    expect(isLiveCodesAnswer(answer)).toBe(true);
    expect(isLiveCodesAnswer({ now: 0, codes: [] })).toBe(true);
  });

  it('drops anything of another shape, so the show asks main instead', () => {
    for (const payload of [undefined, null, 'codes', { now: '61000', codes: [] }, { now: 1 }, { now: 1, codes: [{ ...answer.codes[0], period: '30' }] }, { now: 1, codes: [null] }]) {
      expect(EVENT_PAYLOADS['popup:codes'].safeParse(payload).success).toBe(false);
      expect(isLiveCodesAnswer(payload)).toBe(false);
    }
  });
});
