import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToBase32 } from '../../electron/core/otp/base32';
import { decodeMigrationPayload, encodeMigrationPayload, type RawOtpParameters } from '../../electron/core/otp/migration-payload';
import { decodeMigrationUri } from '../../electron/core/otp/migration-uri';
import { returnsOrFailsTyped } from './typed-errors';

/*
 * Google Authenticator exports arrive as QR codes anyone can print: any bytes, any base64, any
 * mutation of a valid payload must decode or fail with INVALID_URI, never throw otherwise or hang.
 */
const RUNS = { bytes: 10_000, uri: 6_000, mutated: 8_000, roundTrip: 3_000 };

const entry: fc.Arbitrary<RawOtpParameters> = fc.record({
  secret: fc.uint8Array({ minLength: 0, maxLength: 40 }),
  name: fc.string({ maxLength: 30 }),
  issuer: fc.string({ maxLength: 20 }),
  algorithm: fc.integer({ min: 0, max: 5 }),
  digits: fc.integer({ min: 0, max: 3 }),
  type: fc.integer({ min: 0, max: 3 }),
  counter: fc.integer({ min: 0, max: 2 ** 31 }),
});
const payload = fc.record({
  otpParameters: fc.array(entry, { maxLength: 6 }),
  version: fc.integer({ min: 0, max: 3 }),
  batchSize: fc.integer({ min: 0, max: 5 }),
  batchIndex: fc.integer({ min: 0, max: 5 }),
  batchId: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
});

/** Flips, drops, inserts and truncates bytes of an encoded payload. */
const mutation = fc.tuple(payload, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'drop', 'insert', 'cut')), { minLength: 1, maxLength: 6 })).map(([valid, edits]) => {
  const bytes = [...encodeMigrationPayload(valid)];
  for (const [at, value, kind] of edits) {
    const i = bytes.length ? at % bytes.length : 0;
    if (kind === 'set') bytes[i] = value;
    else if (kind === 'drop') bytes.splice(i, 1);
    else if (kind === 'insert') bytes.splice(i, 0, value);
    else bytes.length = i;
  }
  return Uint8Array.from(bytes);
});

const asUri = (bytes: Uint8Array) => `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(bytes).toString('base64'))}`;

describe('the migration decoder under arbitrary input', () => {
  it('any bytes decode or fail with INVALID_URI', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => returnsOrFailsTyped(() => decodeMigrationPayload(bytes), ['INVALID_URI'])), { numRuns: RUNS.bytes });
  });

  it('any text after the migration prefix decodes or fails with INVALID_URI', () => {
    const text = fc.oneof(fc.string({ maxLength: 200 }), fc.base64String({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }).map(asUri));
    const uri = fc.tuple(fc.constantFrom('otpauth-migration://offline?data=', 'otpauth-migration://offline?', 'otpauth-migration://x?data=', ''), text).map(([head, tail]) => head + tail);
    fc.assert(fc.property(uri, (value) => returnsOrFailsTyped(() => decodeMigrationUri(value), ['INVALID_URI'])), { numRuns: RUNS.uri });
  });

  it('mutated valid exports decode or fail with INVALID_URI', () => {
    fc.assert(fc.property(mutation, (bytes) => returnsOrFailsTyped(() => decodeMigrationUri(asUri(bytes)), ['INVALID_URI'])), { numRuns: RUNS.mutated });
  });

  it('reads back every well-formed TOTP entry it encoded', () => {
    const totp = fc.record({ secret: fc.uint8Array({ minLength: 1, maxLength: 40 }), label: fc.stringMatching(/^[a-z][a-z0-9.@]{0,20}$/), issuer: fc.stringMatching(/^[A-Z][a-z]{0,10}$/) });
    fc.assert(
      fc.property(totp, ({ secret, label, issuer }) => {
        const bytes = encodeMigrationPayload({ otpParameters: [{ secret, name: `${issuer}:${label}`, issuer, algorithm: 1, digits: 1, type: 2, counter: 0 }], version: 1, batchSize: 1, batchIndex: 0, batchId: 7 });
        const [account] = decodeMigrationUri(asUri(bytes)).accounts;
        expect(account).toMatchObject({ type: 'totp', issuer, label, secret: bytesToBase32(secret), digits: 6, algorithm: 'SHA1' });
      }),
      { numRuns: RUNS.roundTrip },
    );
  });
});
