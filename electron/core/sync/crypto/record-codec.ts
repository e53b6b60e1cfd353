import { openBox, sealBox } from '../../crypto/aes-gcm';
import { SIGNATURE_BYTES, signBytes, verifyBytes } from './device-keys';

/**
 * One record of a device's sync file:
 *   u32 length of the body, then the body:
 *   header  "TKS" | format version u8 | kind u8 | sequence u64 | key id (8 bytes) | device id length u8 | device id (ASCII)
 *   payload nonce (12) ‖ AES-256-GCM ciphertext ‖ tag (16), the header as associated data; a key record's payload is plain JSON
 *   signature  Ed25519 by the writing device over header ‖ payload
 * The header is authenticated twice over (GCM and the signature), so a record cannot be moved to another
 * device's log or another place in the sequence without being rejected.
 */
export const FORMAT_VERSION = 1;
const MAGIC = Buffer.from('TKS', 'ascii');
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export const RecordKind = { ops: 1, snapshot: 2, key: 3 } as const;
export type RecordKind = (typeof RecordKind)[keyof typeof RecordKind];
const KINDS = new Set<number>(Object.values(RecordKind));

export interface RecordHeader {
  version: number;
  kind: RecordKind;
  seq: number;
  /** 16 hex characters. */
  keyId: string;
  device: string;
}

export interface Frame {
  header: RecordHeader;
  headerBytes: Buffer;
  payload: Buffer;
  signed: Buffer;
  signature: Buffer;
  /** Byte offsets of the whole record in the file. */
  start: number;
  end: number;
}

export type FrameProblem = { kind: 'damaged'; at: number; detail: string };

function encodeHeader(header: RecordHeader): Buffer {
  const device = Buffer.from(header.device, 'ascii');
  const fixed = Buffer.alloc(MAGIC.length + 2 + 8 + 8 + 1);
  MAGIC.copy(fixed, 0);
  let at = MAGIC.length;
  fixed.writeUInt8(header.version, at++);
  fixed.writeUInt8(header.kind, at++);
  fixed.writeBigUInt64BE(BigInt(header.seq), at);
  at += 8;
  Buffer.from(header.keyId, 'hex').copy(fixed, at);
  at += 8;
  fixed.writeUInt8(device.length, at);
  return Buffer.concat([fixed, device]);
}

function decodeHeader(body: Buffer): { header: RecordHeader; length: number } | string {
  const fixedLength = MAGIC.length + 2 + 8 + 8 + 1;
  if (body.length < fixedLength || !body.subarray(0, MAGIC.length).equals(MAGIC)) return 'not a Traykey sync record';
  let at = MAGIC.length;
  const version = body.readUInt8(at++);
  if (version !== FORMAT_VERSION) return `format version ${version}, written by a newer Traykey`;
  const kind = body.readUInt8(at++);
  if (!KINDS.has(kind)) return `unknown record kind ${kind}`;
  const seq = Number(body.readBigUInt64BE(at));
  at += 8;
  const keyId = body.subarray(at, at + 8).toString('hex');
  at += 8;
  const deviceLength = body.readUInt8(at++);
  if (body.length < at + deviceLength) return 'header cut short';
  const device = body.subarray(at, at + deviceLength).toString('ascii');
  return { header: { version, kind: kind as RecordKind, seq, keyId, device }, length: at + deviceLength };
}

/** Seals and signs one record, framed for appending. */
export function encodeRecord(header: Omit<RecordHeader, 'version'>, plaintext: Buffer, key: Buffer | undefined, signingKey: string): Buffer {
  const headerBytes = encodeHeader({ ...header, version: FORMAT_VERSION });
  let payload: Buffer;
  if (header.kind === RecordKind.key) {
    payload = plaintext;
  } else {
    if (!key) throw new Error('an encrypted record needs a key');
    payload = sealBox(key, plaintext, headerBytes);
  }
  const signed = Buffer.concat([headerBytes, payload]);
  const body = Buffer.concat([signed, signBytes(signingKey, signed)]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([length, body]);
}

/**
 * The complete records of a file from `from`, stopping at the first damaged one. A trailing record
 * still being written (or synced) is not an error: `partialAt` says where it starts.
 */
export function decodeFrames(bytes: Buffer, from = 0): { frames: Frame[]; partialAt?: number; problem?: FrameProblem } {
  const frames: Frame[] = [];
  let at = from;
  while (at < bytes.length) {
    if (bytes.length - at < 4) return { frames, partialAt: at };
    const length = bytes.readUInt32BE(at);
    if (length > MAX_BODY_BYTES || length < SIGNATURE_BYTES) return { frames, problem: { kind: 'damaged', at, detail: 'a record length that cannot be right' } };
    if (bytes.length - at - 4 < length) return { frames, partialAt: at };
    const body = bytes.subarray(at + 4, at + 4 + length);
    const decoded = decodeHeader(body);
    if (typeof decoded === 'string') return { frames, problem: { kind: 'damaged', at, detail: decoded } };
    const signed = body.subarray(0, body.length - SIGNATURE_BYTES);
    frames.push({
      header: decoded.header,
      headerBytes: body.subarray(0, decoded.length),
      payload: body.subarray(decoded.length, body.length - SIGNATURE_BYTES),
      signed,
      signature: body.subarray(body.length - SIGNATURE_BYTES),
      start: at,
      end: at + 4 + length,
    });
    at += 4 + length;
  }
  return { frames };
}

export function verifyFrame(frame: Frame, signingPublicKey: string): boolean {
  return verifyBytes(signingPublicKey, frame.signed, frame.signature);
}

/** The plaintext of an encrypted record, or null when the key does not open it (altered, or the wrong key). */
export function openFrame(frame: Frame, key: Buffer): Buffer | null {
  if (frame.header.kind === RecordKind.key) return frame.payload;
  return openBox(key, frame.payload, frame.headerBytes);
}
