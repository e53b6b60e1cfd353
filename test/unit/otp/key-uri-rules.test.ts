import type { OtpAccount } from '../../../shared/accounts';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/errors';
import { formatKeyUri, MAX_URI_CHARS, parseKeyUri } from '../../../electron/core/otp/key-uri';

const SECRET = 'JBSWY3DPEHPK3PXP';

function rejection(uri: string): { field: string | undefined; message: string } {
  try {
    parseKeyUri(uri);
  } catch (error) {
    if (isAppError(error) && error.code === 'INVALID_URI') return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('the link was accepted');
}

describe('rejected Key Uris name the field and why', () => {
  it.each([
    ['otpauth://totp/A:b?secret=JBSW1Y3DP', 'secret', 'secret is not valid base32'],
    ['otpauth://totp/A:b?secret=JBSWY3DPE', 'secret', 'secret is not valid base32'],
    [`otpauth://totp/A:b?secret=${SECRET}&digits=5`, 'digits', 'digits must be 6, 7 or 8'],
    [`otpauth://totp/A:b?secret=${SECRET}&digits=9`, 'digits', 'digits must be 6, 7 or 8'],
    [`otpauth://totp/A:b?secret=${SECRET}&digits=six`, 'digits', 'digits must be 6, 7 or 8'],
    [`otpauth://totp/A:b?secret=${SECRET}&algorithm=MD5`, 'algorithm', 'algorithm must be SHA1, SHA256 or SHA512'],
    [`otpauth://totp/A:b?secret=${SECRET}&period=0`, 'period', 'period must be a whole number of seconds'],
    [`otpauth://totp/A:b?secret=${SECRET}&period=1.5`, 'period', 'period must be a whole number of seconds'],
    [`otpauth://hotp/A:b?secret=${SECRET}&counter=-1`, 'counter', 'counter must be a whole number'],
    [`otpauth://motp/A:b?secret=${SECRET}`, 'type', 'type must be totp or hotp'],
    [`otpauth://totp/A:?secret=${SECRET}`, 'label', 'label (the account name) is missing'],
    [`otpauth://totp/A%ZZb?secret=${SECRET}`, 'label', 'label has a broken percent-encoding'],
    [`otpauth://totp/A:b?secret=${SECRET}&secret=${SECRET}`, 'secret', 'secret appears more than once'],
    [`https://example.com/?secret=${SECRET}`, 'uri', 'otpauth://TYPE/LABEL'],
  ])('%s → %s', (uri, field, says) => {
    const error = rejection(uri);
    expect(error.field).toBe(field);
    expect(error.message).toContain(says);
    expect(error.message).toMatch(/^This otpauth link cannot be used: .+\.$/);
  });

  it('never repeats the secret in the message', () => {
    expect(rejection('otpauth://totp/A:b?secret=ABCDEFGH1&digits=6').message).not.toContain('ABCDEFGH1');
  });
});

describe('hostile sizes are refused quickly', () => {
  it('refuses a link longer than the limit', () => {
    const started = performance.now();
    expect(rejection(`otpauth://totp/A:b?secret=${'A'.repeat(1_000_000)}`).field).toBe('uri');
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('refuses a secret longer than 1024 base32 characters', () => {
    const uri = `otpauth://totp/A:b?secret=${'A'.repeat(1032)}`;
    expect(uri.length).toBeLessThan(MAX_URI_CHARS);
    expect(rejection(uri)).toMatchObject({ field: 'secret' });
  });

  it('refuses an issuer or label longer than 200 characters', () => {
    expect(rejection(`otpauth://totp/${'x'.repeat(201)}?secret=${SECRET}`).field).toBe('label');
    expect(rejection(`otpauth://totp/b?secret=${SECRET}&issuer=${'x'.repeat(201)}`).field).toBe('issuer');
  });
});

describe('accepted variations', () => {
  it('matches issuers case-insensitively and keeps the parameter’s spelling', () => {
    expect(parseKeyUri(`otpauth://totp/acme:bob?secret=${SECRET}&issuer=ACME`).issuer).toBe('ACME');
  });

  it('reads the type and parameter names case-insensitively', () => {
    expect(parseKeyUri(`otpauth://TOTP/A:b?SECRET=${SECRET}&Digits=8`)).toMatchObject({ type: 'totp', digits: 8 });
  });

  it('reads Steam accounts in both the steam type and the encoder=steam forms', () => {
    expect(parseKeyUri(`otpauth://steam/Steam:gaben?secret=${SECRET}&issuer=Steam`)).toMatchObject({ type: 'steam', digits: 5, period: 30, algorithm: 'SHA1' });
    expect(parseKeyUri(`otpauth://totp/gaben?secret=${SECRET}&encoder=steam`)).toMatchObject({ type: 'steam', issuer: 'Steam', label: 'gaben' });
  });

  it('accepts secrets with hyphens or spaces and lower case, stored canonically', () => {
    expect(parseKeyUri('otpauth://totp/b?secret=jbsw-y3dp ehpk-3pxp').secret).toBe(SECRET);
  });
});

describe('formatting a Key Uri', () => {
  const accounts: OtpAccount[] = [
    { type: 'totp', issuer: 'ACME Co', label: 'john+doe@example.com', secret: SECRET, algorithm: 'SHA256', digits: 8, period: 60 },
    { type: 'hotp', issuer: '', label: 'Ünïcode: name', secret: SECRET, algorithm: 'SHA512', digits: 7, period: 30, counter: 42 },
    { type: 'steam', issuer: 'Steam', label: 'gaben', secret: SECRET, algorithm: 'SHA1', digits: 5, period: 30 },
  ];

  it.each(accounts)('round-trips a $type account', (account) => {
    const parsed = parseKeyUri(formatKeyUri(account));
    // A label holding a colon comes back as issuer + label when there is no issuer: the format cannot tell them apart.
    if (account.issuer === '' && account.label.includes(':')) expect(`${parsed.issuer}:${parsed.label}`).toBe('Ünïcode:name');
    else expect(parsed).toEqual(account);
  });

  it('puts the issuer in both the label prefix and the parameter', () => {
    expect(formatKeyUri(accounts[0]!)).toBe(`otpauth://totp/ACME%20Co:john%2Bdoe%40example.com?secret=${SECRET}&issuer=ACME%20Co&algorithm=SHA256&digits=8&period=60`);
  });
});
