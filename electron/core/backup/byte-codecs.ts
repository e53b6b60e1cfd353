import { appError } from '../../../shared/errors';

/**
 * Strict decoders: Buffer.from(…, 'base64' | 'hex') silently skips bad characters, which would turn a
 * damaged file into a wrong key or nonce instead of a clear error.
 */
export function decodeBase64(value: string, what: string): Buffer {
  const compact = value.replace(/\s/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
    throw appError('INVALID_INPUT', `The ${what} is not valid base64: the file is damaged.`);
  }
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.toString('base64') !== compact) throw appError('INVALID_INPUT', `The ${what} is not valid base64: the file is damaged.`);
  return bytes;
}

export function decodeHex(value: string, what: string): Buffer {
  if (value.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(value)) {
    throw appError('INVALID_INPUT', `The ${what} is not valid hexadecimal: the file is damaged.`);
  }
  return Buffer.from(value, 'hex');
}

/** Checks a decoded binary field's length, naming the field when it is wrong. */
export function requireLength(bytes: Buffer, length: number, what: string): Buffer {
  if (bytes.length !== length) throw appError('INVALID_INPUT', `The ${what} should be ${length} bytes long but is ${bytes.length}: the file is damaged.`);
  return bytes;
}
