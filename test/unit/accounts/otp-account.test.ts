import { describe, expect, it } from 'vitest';
import { accountSummary, backupFormOf, otpAccount, otpAccountOf, publicViewOf, type OtpAccount } from '../../../shared/accounts';
import { storedAccount, storedFrom, summaryOf } from '../../../electron/core/accounts/stored-account';
import { parseKeyUri } from '../../../electron/core/otp/key-uri';

const totp: OtpAccount = { issuer: 'GitHub', label: 'alice', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, secret: 'JBSWY3DPEHPK3PXP' };
const hotp: OtpAccount = { issuer: 'VPN', label: 'ops', type: 'hotp', algorithm: 'SHA256', digits: 8, period: 30, counter: 7, secret: 'MFRGGZDFMZTWQ2LK' };

describe('one account model', () => {
  it('a parsed link, an account and its stored form are the same account', () => {
    const parsed = parseKeyUri('otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub');
    expect(parsed).toEqual(totp);
    const stored = storedFrom(parsed, { id: 'a1', tags: ['work'], createdAt: 5 });
    expect(storedAccount.parse(stored)).toEqual(stored);
    expect(otpAccountOf(stored)).toEqual(totp);
  });

  it('taking the account out of a carrier drops everything that is not the account', () => {
    const details = { ...hotp, id: 'a2', tags: ['x'], uri: 'otpauth://hotp/…', createdAt: 1, recoveryCode: 'RC' };
    expect(otpAccountOf(details)).toEqual(hotp);
    expect(Object.keys(otpAccountOf(details)).sort()).toEqual(Object.keys(otpAccount.shape).sort());
  });

  it('the public view never carries the secret (or a recovery code)', () => {
    const stored = { ...storedFrom(hotp, { id: 'a3', tags: [], createdAt: 1 }), recoveryCode: 'RC' };
    for (const view of [publicViewOf(hotp), summaryOf(stored)]) {
      expect(view).not.toHaveProperty('secret');
      expect(JSON.stringify(view)).not.toContain(hotp.secret);
      expect(JSON.stringify(view)).not.toContain('RC');
    }
    expect(accountSummary.parse(summaryOf(stored))).toEqual({ id: 'a3', tags: [], ...publicViewOf(hotp) });
  });

  it('the counter belongs to HOTP accounts only, starting at 0 when never set', () => {
    expect(otpAccountOf({ ...totp, counter: 3 })).not.toHaveProperty('counter');
    expect(publicViewOf({ ...totp, counter: 3 })).not.toHaveProperty('counter');
    const { counter: _unset, ...fresh } = hotp;
    expect(otpAccountOf(fresh).counter).toBe(0);
    expect(publicViewOf(hotp).counter).toBe(7);
  });

  it('the backup form is the account and the recovery code kept with it, when there is one', () => {
    expect(backupFormOf(totp, 'RC')).toEqual({ ...totp, recoveryCode: 'RC' });
    expect(backupFormOf(totp, undefined)).toEqual(totp);
    expect(backupFormOf(totp, undefined)).not.toHaveProperty('recoveryCode');
  });

  it('an account taking a stored one’s place keeps its id, tags, age and recovery code unless it brings its own', () => {
    const current = { ...storedFrom(totp, { id: 'a5', tags: ['work'], createdAt: 1 }), recoveryCode: 'KEPT' };
    expect(storedFrom(hotp, current)).toEqual({ id: 'a5', tags: ['work'], createdAt: 1, ...hotp, recoveryCode: 'KEPT' });
    expect(storedFrom({ ...hotp, recoveryCode: 'NEW' }, current).recoveryCode).toBe('NEW');
  });

  it('the summary is a copy: changing it leaves the stored tags alone', () => {
    const stored = storedFrom(totp, { id: 'a4', tags: ['work'], createdAt: 1 });
    summaryOf(stored).tags.push('home');
    expect(stored.tags).toEqual(['work']);
  });
});
