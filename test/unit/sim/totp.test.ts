import { describe, expect, it } from 'vitest';
import { checkTotp, newTotpSecret, totpCode } from '../../sim/totp';

const secret = 'JBSWY3DPEHPK3PXP';
const now = Date.UTC(2026, 0, 1, 12, 0, 15);

describe('simulator TOTP check', () => {
  it('accepts the current code once and calls the second use a replay', () => {
    const usedSteps = new Set<number>();
    const code = totpCode(secret, now);
    expect(checkTotp({ secret, code, now, usedSteps })).toEqual({ ok: true, step: Math.floor(now / 30_000) });
    expect(checkTotp({ secret, code, now, usedSteps })).toEqual({ ok: false, reason: 'replayed' });
  });

  it('accepts one step of drift either way and nothing beyond', () => {
    for (const steps of [-1, 1]) {
      expect(checkTotp({ secret, code: totpCode(secret, now + steps * 30_000), now, usedSteps: new Set() }).ok).toBe(true);
    }
    for (const steps of [-2, 2]) {
      expect(checkTotp({ secret, code: totpCode(secret, now + steps * 30_000), now, usedSteps: new Set() })).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('refuses codes that are not digits', () => {
    expect(checkTotp({ secret, code: 'abcdef', now, usedSteps: new Set() })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('matches the RFC 6238 SHA1 vector for T=59', () => {
    const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpCode(rfcSecret, 59_000)).toBe('287082');
  });

  it('makes base32 secrets of the asked size', () => {
    expect(newTotpSecret(10)).toMatch(/^[A-Z2-7]{16}$/);
    expect(newTotpSecret(20)).toMatch(/^[A-Z2-7]{32}$/);
  });
});
