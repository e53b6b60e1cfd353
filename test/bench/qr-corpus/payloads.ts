import { BinaryWriter } from '@bufbuild/protobuf/wire';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function randomSecretBytes(random: () => number, length = 20): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

export function base32(bytes: Uint8Array): string {
  let bits = 0, value = 0, out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + BASE32[(value << (5 - bits)) & 31] : out;
}

export function totpUri(random: () => number, issuer: string, label: string): string {
  const secret = base32(randomSecretBytes(random));
  return `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(label)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}

export interface MigrationEntry {
  issuer: string;
  name: string;
  secret: Uint8Array;
  type: 'totp' | 'hotp';
  counter?: number;
}

/**
 * What Google Authenticator's "Transfer accounts" screen shows, encoded with the published
 * MigrationPayload message (field numbers from the app's migration proto).
 */
export function migrationUri(entries: MigrationEntry[], batch: { index: number; size: number; id: number }): string {
  const writer = new BinaryWriter();
  for (const entry of entries) {
    writer.uint32((1 << 3) | 2).fork();
    writer.uint32((1 << 3) | 2).bytes(entry.secret);
    writer.uint32((2 << 3) | 2).string(entry.name);
    writer.uint32((3 << 3) | 2).string(entry.issuer);
    writer.uint32(4 << 3).int32(1);
    writer.uint32(5 << 3).int32(1);
    writer.uint32(6 << 3).int32(entry.type === 'hotp' ? 1 : 2);
    if (entry.counter !== undefined) writer.uint32(7 << 3).int64(entry.counter);
    writer.join();
  }
  writer.uint32(2 << 3).int32(1);
  writer.uint32(3 << 3).int32(batch.size);
  writer.uint32(4 << 3).int32(batch.index);
  writer.uint32(5 << 3).int32(batch.id);
  const bytes = writer.finish();
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `otpauth-migration://offline?data=${encodeURIComponent(btoa(binary))}`;
}
