import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToBase32 } from '../../electron/core/otp/base32';
import { encodeMigrationPayload } from '../../electron/core/otp/migration-payload';
import { accountsOf, batchLabel, classifyCode } from '../../electron/core/qr/classify-codes';
import type { ScannedCode } from '../../electron/core/qr/scanned-code';
import { SYNC_CASE_LIMIT_MS } from './typed-errors';

/*
 * A QR code's text is whatever someone printed. classifyCode must never throw: it answers what the
 * text is, and an unusable otpauth code becomes `invalid` with a message that does not echo the code.
 */
const RUNS = { anyText: 8_000, shaped: 8_000, batch: 4_000 };

const shapedText = fc.oneof(
  fc.tuple(fc.constantFrom('otpauth://totp/', 'OTPAUTH://hotp/', 'otpauth://steam/', 'otpauth-migration://offline?data=', 'https://', 'http://', 'mailto:', ' otpauth://totp/'), fc.string({ maxLength: 200 })).map(([head, tail]) => head + tail),
  fc.tuple(fc.stringMatching(/^[A-Za-z0-9 ]{1,20}$/), fc.uint8Array({ minLength: 1, maxLength: 20 })).map(([label, secret]) => `otpauth://totp/${encodeURIComponent(label)}?secret=${bytesToBase32(secret)}`),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(bytes).toString('base64'))}`),
);

function classifiesSafely(text: string): void {
  const startedAt = performance.now();
  const code: ScannedCode = classifyCode(text);
  expect(performance.now() - startedAt).toBeLessThan(SYNC_CASE_LIMIT_MS);
  expect(['otpauth', 'migration', 'link', 'text', 'invalid']).toContain(code.kind);
  expect(code.text).toBe(text);
  if (code.kind === 'invalid') {
    expect(code.message.length).toBeGreaterThan(0);
    // The message must not repeat what was scanned (it may hold a secret).
    const secret = /secret=([A-Za-z2-7]{8,})/.exec(text)?.[1];
    if (secret) expect(code.message).not.toContain(secret);
  }
  for (const account of accountsOf([code])) {
    expect(account.secret).toMatch(/^[A-Z2-7]+$/);
    expect(account.label.length).toBeGreaterThan(0);
  }
}

describe('QR text to accounts under arbitrary input', () => {
  it('classifies any text without throwing', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400, unit: 'binary' }), classifiesSafely), { numRuns: RUNS.anyText });
  });

  it('classifies otpauth-, migration- and link-shaped text without throwing', () => {
    fc.assert(fc.property(shapedText, classifiesSafely), { numRuns: RUNS.shaped });
  });

  it('labels any batch position of a migration export', () => {
    const batch = fc.record({ size: fc.integer({ min: 0, max: 20 }), index: fc.integer({ min: 0, max: 20 }), id: fc.integer() });
    fc.assert(
      fc.property(batch, (position) => {
        const text = `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(encodeMigrationPayload({ otpParameters: [], version: 1, batchSize: position.size, batchIndex: position.index, batchId: position.id })).toString('base64'))}`;
        const code = classifyCode(text);
        if (code.kind === 'migration') expect(batchLabel(code.batch)).toMatch(/^\d+ of \d+$/);
        else expect(code.kind).toBe('invalid');
      }),
      { numRuns: RUNS.batch },
    );
  });
});
