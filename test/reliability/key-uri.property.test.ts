import type { OtpAccount } from '../../shared/accounts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToBase32 } from '../../electron/core/otp/base32';
import { formatKeyUri, MAX_URI_CHARS, parseKeyUri } from '../../electron/core/otp/key-uri';
import { returnsOrFailsTyped } from './typed-errors';

/*
 * The otpauth:// parser sees text from QR codes, deep links and pasted input: any string must parse
 * to a valid account or fail with INVALID_URI naming a field, never another exception or a hang.
 */
const RUNS = { unstructured: 12_000, structured: 20_000, roundTrip: 8_000 };

const base32 = fc.uint8Array({ minLength: 1, maxLength: 40 }).map(bytesToBase32);
const paramValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.stringMatching(/^-?[0-9]{0,12}$/),
  base32,
  fc.constantFrom('SHA1', 'SHA256', 'SHA512', 'sha1', 'MD5', '', '6', '8', '30', '0', '-1', '1e3', '%', '%zz', '%00', ' '),
);
const paramName = fc.oneof(fc.constantFrom('secret', 'issuer', 'algorithm', 'digits', 'period', 'counter', 'image', 'SECRET', 'Issuer'), fc.string({ maxLength: 8 }));
const query = fc.array(fc.tuple(paramName, paramValue, fc.boolean()), { maxLength: 8 }).map((pairs) =>
  pairs.map(([name, value, encode]) => `${name}=${encode ? encodeURIComponent(value) : value}`).join('&'),
);
const label = fc.oneof(fc.string({ maxLength: 60 }), fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 })).map(([a, b]) => `${encodeURIComponent(a)}:${encodeURIComponent(b)}`));
const structuredUri = fc
  .tuple(fc.constantFrom('otpauth://totp/', 'otpauth://hotp/', 'otpauth://steam/', 'OTPAUTH://TOTP/', 'otpauth://x/', 'otpauth:totp/', 'otpauth://', ''), label, fc.constantFrom('?', '', '??', '#'), query)
  .map(([head, name, sep, q]) => `${head}${name}${sep}${q}`);

describe('parseKeyUri under arbitrary input', () => {
  it('any string parses or fails with INVALID_URI', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (uri) => returnsOrFailsTyped(() => parseKeyUri(uri), ['INVALID_URI'])), { numRuns: RUNS.unstructured });
  });

  it('otpauth-shaped strings with hostile parameters parse or fail with INVALID_URI', () => {
    fc.assert(fc.property(structuredUri, (uri) => returnsOrFailsTyped(() => parseKeyUri(uri), ['INVALID_URI'])), { numRuns: RUNS.structured });
  });

  it('refuses oversized input quickly', () => {
    const huge = `otpauth://totp/a?secret=${'A'.repeat(MAX_URI_CHARS * 4)}`;
    const startedAt = performance.now();
    expect(() => parseKeyUri(huge)).toThrow(expect.objectContaining({ code: 'INVALID_URI' }));
    expect(performance.now() - startedAt).toBeLessThan(250);
  });

  it('formats and parses back every valid account unchanged', () => {
    const name = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && !s.includes(':'));
    const account: fc.Arbitrary<OtpAccount> = fc.oneof(
      fc.record({ type: fc.constant('totp' as const), issuer: fc.oneof(fc.constant(''), name), label: name, secret: base32, algorithm: fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const), digits: fc.integer({ min: 6, max: 8 }), period: fc.integer({ min: 1, max: 300 }), counter: fc.constant(0) }),
      fc.record({ type: fc.constant('hotp' as const), issuer: fc.oneof(fc.constant(''), name), label: name, secret: base32, algorithm: fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const), digits: fc.integer({ min: 6, max: 8 }), period: fc.constant(30), counter: fc.integer({ min: 0, max: 2 ** 40 }) }),
    );
    fc.assert(
      fc.property(account, (original) => {
        const parsed = parseKeyUri(formatKeyUri(original));
        expect(parsed).toMatchObject({ type: original.type, issuer: original.issuer, label: original.label, secret: original.secret, algorithm: original.algorithm, digits: original.digits });
        if (original.type === 'hotp') expect(parsed.counter).toBe(original.counter);
        else expect(parsed.period).toBe(original.period);
      }),
      { numRuns: RUNS.roundTrip },
    );
  });
});
