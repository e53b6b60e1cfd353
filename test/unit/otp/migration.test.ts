import type { OtpAccount } from '../../../shared/accounts';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/errors';
import { base32ToBytes } from '../../../electron/core/otp/base32';
import { hotpCode, totpCode } from '../../../electron/core/otp/codes';
import { decodeMigrationPayload, encodeMigrationPayload } from '../../../electron/core/otp/migration-payload';
import { decodeMigrationUri, encodeMigrationUris, MAX_ACCOUNTS_PER_QR, MAX_QR_URI_CHARS } from '../../../electron/core/otp/migration-uri';
import { otpContract } from './contract-files';

interface ExpectedEntry {
  name: string;
  issuer?: string | null;
  secret_hex?: string;
  secret_base32: string;
  algorithm?: string;
  digits?: number;
  type: number | string;
  counter?: number;
  code_at_counter?: string;
  code_at_unix_59?: string;
  code_at_unix_1111111109?: string;
}
interface Vector {
  uri: string;
  payload_hex?: string;
  expected?: { otp_parameters: ExpectedEntry[]; version: number; batch_size: number; batch_index: number; batch_id: number };
  decoded?: { otp_parameters: ExpectedEntry[] };
}
const vectors = otpContract<{ public_samples: Vector[]; own_generated: { cases: Vector[] } }>('google-authenticator-migration.vectors.json');
const all = [...vectors.public_samples, ...vectors.own_generated.cases];

function expectEntry(account: OtpAccount, entry: ExpectedEntry): void {
  const issuer = entry.issuer ?? '';
  expect(account.issuer).toBe(issuer);
  expect(issuer ? `${issuer}:${account.label}` : account.label).toBe(entry.name);
  expect(account.secret).toBe(entry.secret_base32);
  if (entry.secret_hex) expect(Buffer.from(base32ToBytes(account.secret)).toString('hex')).toBe(entry.secret_hex);
  expect(account.algorithm).toBe(entry.algorithm ?? 'SHA1');
  expect(account.digits).toBe(entry.digits ?? 6);
  expect(account.type).toBe(entry.type === 1 || entry.type === 'hotp' ? 'hotp' : 'totp');
  if (entry.counter !== undefined) expect(account.counter).toBe(entry.counter);
  if (entry.code_at_counter) expect(hotpCode(account, entry.counter ?? 0)).toBe(entry.code_at_counter);
  if (entry.code_at_unix_59) expect(totpCode(account, 59_000)).toBe(entry.code_at_unix_59);
  if (entry.code_at_unix_1111111109) expect(totpCode(account, 1_111_111_109_000)).toBe(entry.code_at_unix_1111111109);
}

function rejection(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('every Google Authenticator migration vector', () => {
  it('covers the 2 public samples and 9 own vectors', () => expect(all).toHaveLength(11));

  it.each(all)('decodes $uri', (vector) => {
    const decoded = decodeMigrationUri(vector.uri);
    const entries = vector.expected?.otp_parameters ?? vector.decoded?.otp_parameters ?? [];
    expect(decoded.accounts).toHaveLength(entries.length);
    entries.forEach((entry, i) => expectEntry(decoded.accounts[i]!, entry));
    if (vector.expected) expect(decoded.batch).toEqual({ index: vector.expected.batch_index, size: vector.expected.batch_size, id: vector.expected.batch_id });
    else expect(decoded.batch).toEqual({ index: 0, size: 1, id: 0 });
  });

  it('reproduces dim13’s expected code at 2009-11-10T23:00:00Z', () => {
    const [account] = decodeMigrationUri(vectors.public_samples[0]!.uri).accounts;
    expect(totpCode(account!, Date.parse('2009-11-10T23:00:00Z'))).toBe('528064');
  });

  it.each(vectors.own_generated.cases)('re-encodes the payload of $uri byte for byte', (vector) => {
    const bytes = Buffer.from(vector.payload_hex!, 'hex');
    expect(Buffer.from(encodeMigrationPayload(decodeMigrationPayload(bytes))).toString('hex')).toBe(vector.payload_hex);
  });
});

describe('malformed exports are typed errors', () => {
  it.each([
    ['otpauth-migration://offline?data=', 'data', /data parameter is missing/],
    ['otpauth-migration://offline?foo=bar', 'data', /data parameter is missing/],
    ['otpauth-migration://online?data=CgA=', 'uri', /does not start with/],
    ['otpauth-migration://offline?data=%%%', 'data', /broken percent-encoding/],
    ['otpauth-migration://offline?data=*not*base64*', 'data', /not base64/],
    ['otpauth-migration://offline?data=CkAKFDEy', 'data', /damaged or cut short/],
  ])('%s', (uri, field, says) => {
    const error = rejection(() => decodeMigrationUri(uri));
    expect(error.code).toBe('INVALID_URI');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(says);
  });

  const payloadUri = (entry: Record<string, unknown>, batch = { batchSize: 1, batchIndex: 0 }) => {
    const raw = { secret: new Uint8Array([1, 2, 3, 4, 5]), name: 'n', issuer: '', algorithm: 1, digits: 1, type: 2, counter: 0, ...entry };
    const bytes = encodeMigrationPayload({ otpParameters: [raw], version: 1, batchId: 1, ...batch });
    return `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(bytes).toString('base64'))}`;
  };

  it.each([
    [{ algorithm: 4 }, 'algorithm', /MD5, which Traykey does not support/],
    [{ algorithm: 9 }, 'algorithm', /unknown algorithm/],
    [{ digits: 3 }, 'digits', /unknown digit count/],
    [{ type: 0 }, 'type', /neither TOTP nor HOTP/],
    [{ secret: new Uint8Array() }, 'secret', /has no secret/],
    [{ name: '' }, 'label', /has no name/],
  ])('refuses an entry with %o', (entry, field, says) => {
    const error = rejection(() => decodeMigrationUri(payloadUri(entry)));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(says);
  });

  it('refuses inconsistent batch numbers', () => {
    expect(rejection(() => decodeMigrationUri(payloadUri({}, { batchSize: 2, batchIndex: 2 }))).message).toMatch(/batch numbering/);
  });

  it('refuses oversized payloads, secrets and names quickly', () => {
    expect(rejection(() => decodeMigrationPayload(new Uint8Array(70_000))).message).toMatch(/larger than/);
    expect(rejection(() => decodeMigrationUri(payloadUri({ secret: new Uint8Array(700) }))).message).toMatch(/secret is longer/);
    expect(rejection(() => decodeMigrationUri(payloadUri({ name: 'x'.repeat(2000) }))).message).toMatch(/name is longer/);
    expect(rejection(() => decodeMigrationUri(`otpauth-migration://offline?data=${'A'.repeat(200_000)}`)).field).toBe('uri');
  });

  it('refuses a negative HOTP counter', () => {
    expect(rejection(() => decodeMigrationUri(payloadUri({ type: 1, counter: -1 }))).message).toMatch(/counter is out of range/);
  });
});

describe('encoding a selection for Google Authenticator', () => {
  const account = (i: number, extra: Partial<OtpAccount> = {}): OtpAccount => ({
    type: 'totp', issuer: `Issuer ${i}`, label: `user${i}@example.com`, secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA', algorithm: 'SHA256', digits: 8, period: 30, ...extra,
  });

  it('round-trips every algorithm, both digit counts and HOTP counters', () => {
    const selection = [account(1, { algorithm: 'SHA1', digits: 6 }), account(2, { algorithm: 'SHA512' }), account(3, { type: 'hotp', counter: 2 ** 40 }), account(4, { issuer: '' })];
    const [uri, ...rest] = encodeMigrationUris(selection, -1_320_898_453);
    expect(rest).toHaveLength(0);
    const decoded = decodeMigrationUri(uri!);
    expect(decoded.batch).toEqual({ index: 0, size: 1, id: -1_320_898_453 });
    expect(decoded.accounts).toEqual(selection);
  });

  it('splits a large selection into numbered batches that each fit a QR code', () => {
    const selection = Array.from({ length: 37 }, (_, i) => account(i));
    const uris = encodeMigrationUris(selection, 555);
    expect(uris.length).toBeGreaterThan(3);
    const decoded = uris.map(decodeMigrationUri);
    decoded.forEach((part, index) => {
      expect(part.batch).toEqual({ index, size: uris.length, id: 555 });
      expect(part.accounts.length).toBeLessThanOrEqual(MAX_ACCOUNTS_PER_QR);
    });
    for (const uri of uris) expect(uri.length).toBeLessThanOrEqual(MAX_QR_URI_CHARS);
    expect(decoded.flatMap((part) => part.accounts)).toEqual(selection);
  });

  it('refuses what Google Authenticator cannot hold', () => {
    expect(rejection(() => encodeMigrationUris([account(1, { digits: 7 })], 1)).code).toBe('UNSUPPORTED');
    expect(rejection(() => encodeMigrationUris([account(1, { period: 60 })], 1)).message).toMatch(/30-second period/);
    expect(rejection(() => encodeMigrationUris([account(1, { type: 'steam', digits: 5 })], 1)).message).toMatch(/Steam/);
    expect(rejection(() => encodeMigrationUris([], 1)).code).toBe('INVALID_INPUT');
  });
});
