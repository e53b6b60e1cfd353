import { describe, expect, it } from 'vitest';
import { checkAccountFields } from '../../../electron/core/backup/account-fields';

const base = { issuer: 'ACME', label: 'alice', type: 'totp' as const, algorithm: 'SHA1', digits: 6, period: 30, secret: 'JBSWY3DPEHPK3PXP' };

describe('imported account checks', () => {
  it('normalises base32 secrets: case, spaces, hyphens and padding', () => {
    expect(checkAccountFields({ ...base, secret: 'jbsw y3dp-ehpk 3pxp' })).toMatchObject({ ok: true, account: { secret: 'JBSWY3DPEHPK3PXP' } });
    expect(checkAccountFields({ ...base, secret: 'MFRGG===' })).toMatchObject({ ok: true, account: { secret: 'MFRGG' } });
  });

  it.each(['', '====', 'JBSW1', 'JBSWY3DPE', 'ÄBC', 'A'.repeat(1025)])('rejects %j as a base32 secret without quoting it', (secret) => {
    expect(checkAccountFields({ ...base, secret })).toEqual({ ok: false, reason: 'its secret is not valid base32' });
  });

  it('accepts SHA-256 written with a hyphen or in lower case', () => {
    expect(checkAccountFields({ ...base, algorithm: 'sha-256' })).toMatchObject({ ok: true, account: { algorithm: 'SHA256' } });
  });

  it.each([
    [{ period: 0 }, /period/],
    [{ period: 30.5 }, /period/],
    [{ digits: '6' }, /digits/],
    [{ digits: 4 }, /digits/],
    [{ issuer: 7 }, /issuer is not text/],
    [{ label: '', issuer: '' }, /neither a name nor an issuer/],
    [{ label: 'x'.repeat(201) }, /longer than 200/],
    [{ type: 'hotp' as const, counter: -1 }, /counter/],
    [{ secret: undefined }, /no secret/],
  ])('names what is wrong with %j', (change, reason) => {
    const checked = checkAccountFields({ ...base, ...change });
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.reason).toMatch(reason);
  });

  it('gives HOTP a counter of 0 when none is stored and Steam its fixed settings', () => {
    expect(checkAccountFields({ ...base, type: 'hotp' })).toMatchObject({ ok: true, account: { counter: 0 } });
    expect(checkAccountFields({ ...base, type: 'steam', digits: 8, algorithm: 'SHA512' })).toMatchObject({ ok: true, account: { digits: 5, algorithm: 'SHA1', period: 30 } });
  });
});
