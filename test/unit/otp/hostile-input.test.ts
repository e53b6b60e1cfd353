import type { OtpAccount } from '../../../shared/accounts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/errors';
import { bytesToBase32 } from '../../../electron/core/otp/base32';
import { formatKeyUri, parseKeyUri } from '../../../electron/core/otp/key-uri';
import { decodeMigrationUri } from '../../../electron/core/otp/migration-uri';

/** Runs a parser; anything but success or an INVALID_URI AppError fails the property. */
function onlyInvalidUri(run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch (error) {
    return isAppError(error) && error.code === 'INVALID_URI' && typeof error.field === 'string' && error.message.endsWith('.');
  }
}

describe('parsers under arbitrary input', () => {
  it('Key Uri parsing either succeeds or throws INVALID_URI with a field', () => {
    const uriLike = fc.tuple(fc.constantFrom('otpauth://totp/', 'otpauth://hotp/', 'otpauth://steam/', 'otpauth://x/', ''), fc.string(), fc.webQueryParameters())
      .map(([head, label, query]) => `${head}${label}?${query}`);
    fc.assert(fc.property(fc.oneof(uriLike, fc.string()), (uri) => onlyInvalidUri(() => parseKeyUri(uri))), { numRuns: 300 });
  });

  it('migration decoding either succeeds or throws INVALID_URI for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => onlyInvalidUri(() => decodeMigrationUri(`otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(bytes).toString('base64'))}`))),
      { numRuns: 1000 },
    );
  });

  it('formatted Key Uris parse back to the same account', () => {
    const name = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s !== '' && !s.includes(':'));
    const account = fc.record({
      type: fc.constantFrom('totp' as const, 'hotp' as const),
      issuer: fc.oneof(fc.constant(''), name),
      label: name,
      secret: fc.uint8Array({ minLength: 1, maxLength: 64 }).map(bytesToBase32),
      algorithm: fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const),
      digits: fc.integer({ min: 6, max: 8 }),
      period: fc.integer({ min: 1, max: 86_400 }),
      counter: fc.nat(),
    });
    fc.assert(
      fc.property(account, (raw) => {
        const input: OtpAccount = raw.type === 'hotp' ? { ...raw, period: 30 } : { ...raw, counter: undefined };
        const parsed = parseKeyUri(formatKeyUri(input));
        expect(parsed).toEqual(raw.type === 'hotp' ? input : { ...input, counter: undefined });
      }),
      { numRuns: 300 },
    );
  });
});
