import { describe, expect, it } from 'vitest';
import type { OtpAlgorithm } from '../../../shared/accounts';
import { hotpCode, periodCodes, totpCode } from '../../../electron/core/otp/codes';
import { otpContract } from './contract-files';

interface HotpTable { secret_base32: string; vectors: { count: number; hotp: string }[] }
interface TotpTable { seeds: Record<OtpAlgorithm, { base32: string }>; vectors: { unix_time: number; mode: OtpAlgorithm; totp: string }[] }

const hotp = otpContract<HotpTable>('rfc4226-hotp-vectors.json');
const totp = otpContract<TotpTable>('rfc6238-totp-vectors.json');

describe('RFC 4226 Appendix D (HOTP)', () => {
  it('has the full table of ten counts', () => expect(hotp.vectors).toHaveLength(10));
  it.each(hotp.vectors)('gives $hotp at count $count', ({ count, hotp: expected }) => {
    expect(hotpCode({ secret: hotp.secret_base32, algorithm: 'SHA1', digits: 6 }, count)).toBe(expected);
  });
});

describe('RFC 6238 Appendix B (TOTP, 8 digits, 30 s)', () => {
  it('has the full table of six times for three algorithms', () => expect(totp.vectors).toHaveLength(18));
  it.each(totp.vectors)('gives $totp at $unix_time with $mode', ({ unix_time, mode, totp: expected }) => {
    const params = { type: 'totp' as const, algorithm: mode, digits: 8, period: 30, secret: totp.seeds[mode].base32 };
    expect(totpCode(params, unix_time * 1000)).toBe(expected);
  });
  it('gives the last six digits for a 6-digit account', () => {
    expect(totpCode({ type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, secret: totp.seeds.SHA1.base32 }, 59_000)).toBe('287082');
  });
});

describe('current and next period codes', () => {
  const params = { type: 'totp' as const, algorithm: 'SHA1' as const, digits: 8, period: 30, secret: totp.seeds.SHA1.base32 };

  it('gives the current code, the next period’s code and when the period began', () => {
    // 1111111109 is the last second of step 0x023523EC; the next step's code is the 1111111111 row.
    expect(periodCodes(params, 1_111_111_109_000)).toEqual({ code: '07081804', next: '14050471', periodStart: 1_111_111_080_000, period: 30 });
  });

  it('starts a new period exactly at the boundary', () => {
    expect(periodCodes(params, 60_000).periodStart).toBe(60_000);
    expect(periodCodes(params, 59_999).code).toBe('94287082');
  });

  it('supports any period length', () => {
    const minute = { ...params, digits: 6, period: 60 };
    expect(periodCodes(minute, 59_000)).toMatchObject({ code: '755224', next: '287082', periodStart: 0, period: 60 });
  });
});
