import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base32ToBytes } from '../../../electron/core/otp/base32';
import { Clock } from '../../../electron/core/otp/clock';
import { periodCodes } from '../../../electron/core/otp/codes';
import { STEAM_ALPHABET, steamCode } from '../../../electron/core/otp/steam';

/** An independent Steam Guard implementation on Node's HMAC, to cross-check the otpauth-based one. */
function referenceSteam(secretBase32: string, step: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32ToBytes(secretBase32)).update(message).digest();
  const offset = mac[19]! & 0x0f;
  let value = mac.readUInt32BE(offset) & 0x7fffffff;
  let code = '';
  for (let i = 0; i < 5; i++) {
    code += STEAM_ALPHABET[value % 26];
    value = Math.floor(value / 26);
  }
  return code;
}

describe('Steam Guard codes', () => {
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

  it('are five characters from Steam’s alphabet', () => {
    for (let step = 0; step < 50; step++) expect(steamCode(secret, step)).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
  });

  it('match an independent HMAC-SHA1 implementation at many steps', () => {
    for (const step of [0, 1, 2, 37_037_036, 37_037_037, 66_666_666, 2 ** 32 + 5]) expect(steamCode(secret, step)).toBe(referenceSteam(secret, step));
  });

  it('change every 30 seconds like TOTP', () => {
    const live = periodCodes({ type: 'steam', algorithm: 'SHA1', digits: 5, period: 30, secret }, 1_111_111_109_000);
    expect(live.code).toBe(referenceSteam(secret, 37_037_036));
    expect(live.next).toBe(referenceSteam(secret, 37_037_037));
  });
});

describe('the skew-corrected clock', () => {
  it('adds the measured offset to the machine clock', () => {
    let machine = 1_000_000;
    const clock = new Clock(() => machine);
    expect(clock.now()).toBe(1_000_000);
    clock.setOffset(-4_500);
    machine += 10;
    expect(clock.now()).toBe(995_510);
    expect(clock.offset).toBe(-4_500);
  });

  it('refuses an offset that is not a number', () => {
    expect(() => new Clock(() => 0).setOffset(Number.NaN)).toThrow(RangeError);
  });
});
