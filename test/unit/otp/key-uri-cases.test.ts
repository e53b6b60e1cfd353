import type { OtpAccount } from '../../../shared/accounts';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/errors';
import { base32ToBytes } from '../../../electron/core/otp/base32';
import { hotpCode, totpCode } from '../../../electron/core/otp/codes';
import { parseKeyUri } from '../../../electron/core/otp/key-uri';
import { otpContract } from './contract-files';

interface KeyUriCase {
  id: string;
  uri: string;
  expect: Record<string, unknown> & { valid: boolean | 'policy' | 'lenient' };
}

const { cases } = otpContract<{ cases: KeyUriCase[] }>('otpauth-key-uri.cases.json');

/** Our decision for each case the contract leaves open ('policy') or marks as optional ('lenient'). */
const decisions: Record<string, { accept: true } | { accept: false; field: string; says: RegExp }> = {
  'issuer-mismatch': { accept: false, field: 'issuer', says: /issuer "Evil" does not match the label's issuer "Bank"/ },
  'digits-7': { accept: true },
  'secret-with-spaces': { accept: true },
  'lowercase-algorithm': { accept: true },
  'hotp-missing-counter': { accept: false, field: 'counter', says: /counter is required/ },
  'missing-secret': { accept: false, field: 'secret', says: /secret is missing/ },
  'auth0-guardian-push-barcode-not-a-totp-key': { accept: false, field: 'secret', says: /Auth0 Guardian push enrolment code, not a one-time-password key/ },
};

function rejection(uri: string) {
  try {
    parseKeyUri(uri);
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('the link was accepted');
}

function checkExpected(account: OtpAccount, expected: Record<string, unknown>): void {
  if ('type' in expected) expect(account.type).toBe(expected.type);
  if ('issuer' in expected) expect(account.issuer).toBe(expected.issuer ?? '');
  if ('account' in expected) expect(account.label).toBe(expected.account);
  if ('algorithm' in expected) expect(account.algorithm).toBe(expected.algorithm);
  if ('digits' in expected) expect(account.digits).toBe(expected.digits);
  if ('period' in expected) expect(account.period).toBe(expected.period);
  if ('counter' in expected) expect(account.counter).toBe(expected.counter);
  if ('secret_hex' in expected) expect(Buffer.from(base32ToBytes(account.secret)).toString('hex')).toBe(expected.secret_hex);
  if ('code_for_counter_4' in expected) expect(hotpCode(account, 4)).toBe(expected.code_for_counter_4);
  for (const [key, code] of Object.entries(expected)) {
    const at = /^code_at_unix_(\d+)$/.exec(key)?.[1];
    if (at) expect(totpCode(account, Number(at) * 1000)).toBe(code);
  }
}

describe('every Key Uri case of the contract', () => {
  it('covers all 21 cases, each with an expectation or a decision', () => {
    expect(cases).toHaveLength(21);
    for (const entry of cases) if (entry.expect.valid !== true && entry.expect.valid !== false) expect(decisions[entry.id], entry.id).toBeDefined();
  });

  it.each(cases)('$id', (entry) => {
    const decision = decisions[entry.id];
    const accept = decision ? decision.accept : entry.expect.valid === true;
    if (accept) {
      checkExpected(parseKeyUri(entry.uri), entry.expect);
      return;
    }
    const error = rejection(entry.uri);
    expect(error.code).toBe('INVALID_URI');
    if (decision && !decision.accept) {
      expect(error.field).toBe(decision.field);
      expect(error.message).toMatch(decision.says);
    }
  });

  it('accepts 7 digits and computes 7-digit codes', () => {
    const account = parseKeyUri('otpauth://totp/Example:alice@example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=7');
    expect(account.digits).toBe(7);
    expect(totpCode(account, 59_000)).toBe('4287082');
  });
});
