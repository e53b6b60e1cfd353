import { describe, expect, it } from 'vitest';
import { GCM_NONCE_BYTES, GCM_TAG_BYTES, openBox, sealBox } from '../../../electron/core/crypto/aes-gcm';
import { DEFAULT_KDF_LIMITS, PASSPHRASE_SCRYPT, VAULT_KDF_LIMITS, scryptParamsProblem } from '../../../electron/core/crypto/passphrase-kdf';

const key = Buffer.alloc(32, 1);
const aad = Buffer.from('purpose');
const plaintext = Buffer.from('one secret');

describe('a sealed box (nonce ‖ ciphertext ‖ tag)', () => {
  it('opens with the key and purpose it was sealed with', () => {
    const box = sealBox(key, plaintext, aad);
    expect(box.length).toBe(GCM_NONCE_BYTES + plaintext.length + GCM_TAG_BYTES);
    expect(openBox(key, box, aad)).toEqual(plaintext);
  });

  it('takes a fresh nonce every time', () => {
    expect(sealBox(key, plaintext, aad).equals(sealBox(key, plaintext, aad))).toBe(false);
  });

  it('does not open with another key, another purpose, a changed byte or too few bytes', () => {
    const box = sealBox(key, plaintext, aad);
    expect(openBox(Buffer.alloc(32, 2), box, aad)).toBeNull();
    expect(openBox(key, box, Buffer.from('another purpose'))).toBeNull();
    for (const at of [0, GCM_NONCE_BYTES, box.length - 1]) {
      const altered = Buffer.from(box);
      altered[at]! ^= 1;
      expect(openBox(key, altered, aad)).toBeNull();
    }
    expect(openBox(key, box.subarray(0, GCM_NONCE_BYTES + GCM_TAG_BYTES - 1), aad)).toBeNull();
  });
});

describe('scrypt parameters read from a file', () => {
  it('accept what Traykey writes, in the vault and in a backup', () => {
    expect(scryptParamsProblem(PASSPHRASE_SCRYPT, VAULT_KDF_LIMITS)).toBeUndefined();
    expect(scryptParamsProblem(PASSPHRASE_SCRYPT, DEFAULT_KDF_LIMITS)).toBeUndefined();
  });

  it('give the vault twice the room of a file from elsewhere', () => {
    const raised = { N: 2 ** 19, r: 8, p: 1 };
    expect(scryptParamsProblem(raised, VAULT_KDF_LIMITS)).toBeUndefined();
    expect(scryptParamsProblem(raised, DEFAULT_KDF_LIMITS)).toBe('excessive');
    expect(scryptParamsProblem({ N: 2 ** 20, r: 8, p: 1 }, VAULT_KDF_LIMITS)).toBe('excessive');
  });

  it.each([
    ['N not a power of two', { N: 1000, r: 8, p: 1 }],
    ['N of 1', { N: 1, r: 8, p: 1 }],
    ['N of 2^(16·r) or more (RFC 7914)', { N: 2 ** 16, r: 1, p: 1 }],
    ['r of 0', { N: 1024, r: 0, p: 1 }],
    ['p that is not a whole number', { N: 1024, r: 8, p: 1.5 }],
    ['r above 1024', { N: 2, r: 1025, p: 1 }],
  ])('are malformed with %s', (_what, params) => {
    expect(scryptParamsProblem(params, VAULT_KDF_LIMITS)).toBe('malformed');
  });
});
