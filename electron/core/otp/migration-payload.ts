import { BinaryReader, BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import { appError, isAppError, type AppError } from '../../../shared/errors';

/**
 * Google Authenticator's export (MigrationPayload / OtpParameters), read and written field by field
 * with protobuf's wire format; field numbers follow contracts/otp/google-authenticator-migration.fields.json.
 */
export interface RawOtpParameters {
  secret: Uint8Array;
  name: string;
  issuer: string;
  /** 0 unspecified, 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5. */
  algorithm: number;
  /** 0 unspecified, 1 six digits, 2 eight digits. */
  digits: number;
  /** 0 unspecified, 1 HOTP, 2 TOTP. */
  type: number;
  counter: number;
}

export interface RawMigrationPayload {
  otpParameters: RawOtpParameters[];
  version: number;
  batchSize: number;
  batchIndex: number;
  batchId: number;
}

export const MAX_PAYLOAD_BYTES = 64 * 1024;
export const MAX_ENTRIES = 1000;
const MAX_SECRET_BYTES = 640;
const MAX_TEXT_BYTES = 1024;

const malformed = (why: string): AppError =>
  appError('INVALID_URI', `This Google Authenticator export cannot be read: ${why}.`, { field: 'data' });

function counterFrom(value: bigint | string): number {
  const big = BigInt(value);
  if (big < 0n || big > BigInt(Number.MAX_SAFE_INTEGER)) throw malformed('an HOTP counter is out of range');
  return Number(big);
}

function readBounded(reader: BinaryReader, limit: number, what: string): Uint8Array {
  const bytes = reader.bytes();
  if (bytes.length > limit) throw malformed(`${what} is longer than ${limit} bytes`);
  return bytes;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readText(reader: BinaryReader, what: string): string {
  try {
    return utf8.decode(readBounded(reader, MAX_TEXT_BYTES, what));
  } catch (error) {
    if (error instanceof TypeError) throw malformed(`${what} is not valid UTF-8`);
    throw error;
  }
}

function readOtpParameters(bytes: Uint8Array): RawOtpParameters {
  const reader = new BinaryReader(bytes);
  const entry: RawOtpParameters = { secret: new Uint8Array(), name: '', issuer: '', algorithm: 0, digits: 0, type: 0, counter: 0 };
  while (reader.pos < reader.len) {
    const [field, wire] = reader.tag();
    if (field === 1 && wire === WireType.LengthDelimited) entry.secret = readBounded(reader, MAX_SECRET_BYTES, 'a secret');
    else if (field === 2 && wire === WireType.LengthDelimited) entry.name = readText(reader, 'a name');
    else if (field === 3 && wire === WireType.LengthDelimited) entry.issuer = readText(reader, 'an issuer');
    else if (field === 4 && wire === WireType.Varint) entry.algorithm = reader.int32();
    else if (field === 5 && wire === WireType.Varint) entry.digits = reader.int32();
    else if (field === 6 && wire === WireType.Varint) entry.type = reader.int32();
    else if (field === 7 && wire === WireType.Varint) entry.counter = counterFrom(reader.int64());
    else reader.skip(wire, field, 4);
  }
  return entry;
}

export function decodeMigrationPayload(bytes: Uint8Array): RawMigrationPayload {
  if (bytes.length > MAX_PAYLOAD_BYTES) throw malformed(`it is larger than ${MAX_PAYLOAD_BYTES} bytes`);
  const payload: RawMigrationPayload = { otpParameters: [], version: 0, batchSize: 1, batchIndex: 0, batchId: 0 };
  try {
    const reader = new BinaryReader(bytes);
    while (reader.pos < reader.len) {
      const [field, wire] = reader.tag();
      if (field === 1 && wire === WireType.LengthDelimited) {
        if (payload.otpParameters.length >= MAX_ENTRIES) throw malformed(`it holds more than ${MAX_ENTRIES} accounts`);
        payload.otpParameters.push(readOtpParameters(reader.bytes()));
      } else if (field === 2 && wire === WireType.Varint) payload.version = reader.int32();
      else if (field === 3 && wire === WireType.Varint) payload.batchSize = reader.int32();
      else if (field === 4 && wire === WireType.Varint) payload.batchIndex = reader.int32();
      else if (field === 5 && wire === WireType.Varint) payload.batchId = reader.int32();
      else reader.skip(wire, field, 4);
    }
  } catch (error) {
    if (isAppError(error)) throw error;
    throw malformed('its data is not a valid export (damaged or cut short)');
  }
  if (payload.batchSize < 1 || payload.batchIndex < 0 || payload.batchIndex >= payload.batchSize) throw malformed('its batch numbering is inconsistent');
  return payload;
}

export function encodeMigrationPayload(payload: RawMigrationPayload): Uint8Array {
  const writer = new BinaryWriter();
  for (const entry of payload.otpParameters) {
    writer.tag(1, WireType.LengthDelimited).fork();
    writer.tag(1, WireType.LengthDelimited).bytes(entry.secret);
    writer.tag(2, WireType.LengthDelimited).string(entry.name);
    if (entry.issuer !== '') writer.tag(3, WireType.LengthDelimited).string(entry.issuer);
    writer.tag(4, WireType.Varint).int32(entry.algorithm);
    writer.tag(5, WireType.Varint).int32(entry.digits);
    writer.tag(6, WireType.Varint).int32(entry.type);
    if (entry.counter !== 0) writer.tag(7, WireType.Varint).int64(entry.counter);
    writer.join();
  }
  writer.tag(2, WireType.Varint).int32(payload.version);
  writer.tag(3, WireType.Varint).int32(payload.batchSize);
  writer.tag(4, WireType.Varint).int32(payload.batchIndex);
  writer.tag(5, WireType.Varint).int32(payload.batchId);
  return writer.finish();
}
