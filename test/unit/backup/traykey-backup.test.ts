import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportTraykeyBackup, importTraykeyBackup } from '../../../electron/core/backup/traykey-backup';
import { PASSPHRASE, SAMPLE_ACCOUNTS, SMALL_SCRYPT } from './fixtures/accounts';
import { expectAppError } from '../../support/expect-app-error';

const limits = { maxScryptWork: 1024 };

async function smallBackup(): Promise<Buffer> {
  return Buffer.from(await exportTraykeyBackup(SAMPLE_ACCOUNTS, PASSPHRASE, { scrypt: SMALL_SCRYPT }));
}

function envelope(bytes: Uint8Array): Record<string, unknown> {
  return JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
}

const reencode = (doc: unknown): Buffer => Buffer.from(JSON.stringify(doc), 'utf8');

/** Flips one bit in a base64 field's decoded bytes and writes it back as valid base64. */
function flipInField(doc: Record<string, unknown>, path: string[], byteIndex: number): Record<string, unknown> {
  const copy = structuredClone(doc);
  let parent = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = path[path.length - 1] as string;
  const bytes = Buffer.from(parent[last] as string, 'base64');
  const at = (byteIndex + bytes.length) % bytes.length;
  bytes[at] = (bytes[at] as number) ^ 0x01;
  parent[last] = bytes.toString('base64');
  return copy;
}

describe('Traykey backup file', () => {
  let backup: Buffer;
  beforeAll(async () => {
    backup = await smallBackup();
  });

  it('round-trips every account type through export and import', async () => {
    const accounts = await importTraykeyBackup(await smallBackup(), PASSPHRASE, limits);
    expect(accounts).toEqual(SAMPLE_ACCOUNTS);
  });

  it('describes itself: format, version, scrypt parameters, salt and nonce, and no secret in clear', async () => {
    const bytes = await smallBackup();
    const doc = envelope(bytes);
    expect(doc).toMatchObject({ format: 'traykey-backup', version: 1, kdf: { name: 'scrypt', N: 16, r: 1, p: 1 }, cipher: { name: 'aes-256-gcm' } });
    expect(Buffer.from((doc.kdf as { salt: string }).salt, 'base64')).toHaveLength(32);
    expect(Buffer.from((doc.cipher as { nonce: string }).nonce, 'base64')).toHaveLength(12);
    const text = bytes.toString('utf8');
    for (const account of SAMPLE_ACCOUNTS) expect(text).not.toContain(account.secret);
    expect(text).not.toContain('GitHub');
  });

  it('uses strong scrypt parameters (N=2^17, r=8, p=1) unless told otherwise, and opens with the default limits', async () => {
    const bytes = await exportTraykeyBackup(SAMPLE_ACCOUNTS.slice(0, 1), PASSPHRASE);
    expect(envelope(bytes).kdf).toMatchObject({ N: 131072, r: 8, p: 1 });
    expect(await importTraykeyBackup(bytes, PASSPHRASE)).toEqual(SAMPLE_ACCOUNTS.slice(0, 1));
  });

  it('writes a fresh salt and nonce every time', async () => {
    const [a, b] = [envelope(await smallBackup()), envelope(await smallBackup())];
    expect((a.kdf as { salt: string }).salt).not.toBe((b.kdf as { salt: string }).salt);
    expect((a.cipher as { nonce: string }).nonce).not.toBe((b.cipher as { nonce: string }).nonce);
  });

  it('refuses a passphrase shorter than 8 characters at export', async () => {
    const error = await expectAppError(() => exportTraykeyBackup(SAMPLE_ACCOUNTS, 'short', { scrypt: SMALL_SCRYPT }), 'INVALID_INPUT');
    expect(error.field).toBe('passphrase');
  });

  it('refuses to export an account that would not import again', async () => {
    const bad = { ...SAMPLE_ACCOUNTS[0]!, secret: 'not base32!' };
    const error = await expectAppError(() => exportTraykeyBackup([bad], PASSPHRASE, { scrypt: SMALL_SCRYPT }), 'INVALID_INPUT');
    expect(error.message).not.toContain('not base32!');
  });

  it('says WRONG_PASSPHRASE for a wrong passphrase and returns nothing', async () => {
    const error = await expectAppError(() => importTraykeyBackup(backup, 'wrong passphrase', limits), 'WRONG_PASSPHRASE');
    expect(error.message).not.toContain('wrong passphrase');
  });

  it('asks for the passphrase when none is given', async () => {
    const error = await expectAppError(() => importTraykeyBackup(backup, undefined, limits), 'INVALID_INPUT');
    expect(error.field).toBe('passphrase');
  });

  it.each([
    ['truncated to half', (b: Buffer) => b.subarray(0, b.length >> 1)],
    ['with its last 10 bytes cut off', (b: Buffer) => b.subarray(0, b.length - 10)],
    ['cut to nothing', () => Buffer.alloc(0)],
    ['not UTF-8', (b: Buffer) => Buffer.concat([b.subarray(0, 10), Buffer.from([0xff, 0xfe]), b.subarray(10)])],
  ])('rejects a backup %s as INVALID_INPUT', async (_name, damage) => {
    await expectAppError(() => importTraykeyBackup(damage(backup), PASSPHRASE, limits), 'INVALID_INPUT');
  });

  it.each([
    ['the ciphertext', ['ciphertext'], 'INVALID_INPUT'],
    ['the last ciphertext byte', ['ciphertext'], 'INVALID_INPUT'],
    ['the tag', ['tag'], 'INVALID_INPUT'],
    ['the nonce', ['cipher', 'nonce'], 'INVALID_INPUT'],
    ['the passphrase check', ['check'], 'WRONG_PASSPHRASE'],
    ['the salt', ['kdf', 'salt'], 'WRONG_PASSPHRASE'],
  ] as const)('detects one flipped bit in %s and returns nothing', async (_name, path, code) => {
    const doc = envelope(await smallBackup());
    const index = _name.includes('last') ? -1 : 3;
    await expectAppError(() => importTraykeyBackup(reencode(flipInField(doc, [...path], index)), PASSPHRASE, limits), code);
  });

  it.each([
    ['a newer format version', (d: Record<string, unknown>) => ({ ...d, version: 2 }), /version 2.*update Traykey/],
    ['version 0', (d: Record<string, unknown>) => ({ ...d, version: 0 }), /version 0/],
    ['a version given as text', (d: Record<string, unknown>) => ({ ...d, version: '1' }), /"version"/],
    ['another format name', (d: Record<string, unknown>) => ({ ...d, format: 'other-backup' }), /not a Traykey backup/],
    ['another KDF', (d: Record<string, unknown>) => ({ ...d, kdf: { ...(d.kdf as object), name: 'argon2id' } }), /scrypt/],
    ['another cipher', (d: Record<string, unknown>) => ({ ...d, cipher: { ...(d.cipher as object), name: 'aes-128-cbc' } }), /AES-256-GCM/],
    ['no ciphertext', ({ ciphertext: _c, ...d }: Record<string, unknown>) => d, /"ciphertext"/],
    ['no tag', ({ tag: _t, ...d }: Record<string, unknown>) => d, /"tag"/],
    ['no kdf', ({ kdf: _k, ...d }: Record<string, unknown>) => d, /"kdf"/],
    ['no salt', (d: Record<string, unknown>) => ({ ...d, kdf: { ...(d.kdf as object), salt: undefined } }), /"salt"/],
    ['a salt that is not base64', (d: Record<string, unknown>) => ({ ...d, kdf: { ...(d.kdf as object), salt: 'not*base64' } }), /salt is not valid base64/],
    ['a short nonce', (d: Record<string, unknown>) => ({ ...d, cipher: { name: 'aes-256-gcm', nonce: 'AAAA' } }), /nonce should be 12 bytes/],
    ['N that is not a power of two', (d: Record<string, unknown>) => ({ ...d, kdf: { ...(d.kdf as object), N: 15 } }), /scrypt parameters/],
    ['a changed N', (d: Record<string, unknown>) => ({ ...d, kdf: { ...(d.kdf as object), N: 32 } }), /passphrase/],
  ])('rejects an envelope with %s as a typed error', async (_name, edit, message) => {
    const doc = envelope(await smallBackup());
    const code = _name === 'a changed N' ? 'WRONG_PASSPHRASE' : 'INVALID_INPUT';
    const error = await expectAppError(() => importTraykeyBackup(reencode(edit(doc)), PASSPHRASE, limits), code);
    expect(error.message).toMatch(message);
  });

  it('refuses a file that asks for more scrypt work than the limits allow, before deriving anything', async () => {
    const doc = envelope(await smallBackup());
    const heavy = { ...doc, kdf: { ...(doc.kdf as object), N: 2 ** 20, r: 8 } };
    const started = Date.now();
    const error = await expectAppError(() => importTraykeyBackup(reencode(heavy), PASSPHRASE), 'INVALID_INPUT');
    expect(error.message).toMatch(/more key-derivation work/);
    expect(Date.now() - started).toBeLessThan(200);
  });

  it('accepts the envelope keys in any order (the associated data is the header in a fixed order)', async () => {
    const doc = envelope(await smallBackup());
    const reordered = Object.fromEntries(Object.entries(doc).reverse());
    expect(await importTraykeyBackup(reencode(reordered), PASSPHRASE, limits)).toEqual(SAMPLE_ACCOUNTS);
  });

  it('imports an empty account list', async () => {
    const bytes = await exportTraykeyBackup([], PASSPHRASE, { scrypt: SMALL_SCRYPT });
    expect(await importTraykeyBackup(bytes, PASSPHRASE, limits)).toEqual([]);
  });

  describe('recovery codes kept with accounts', () => {
    const RECOVERY = 'Q7XK2M9PLW4RT8VN3BHC6YDF';
    const withCode = [{ ...SAMPLE_ACCOUNTS[0]!, recoveryCode: RECOVERY }, SAMPLE_ACCOUNTS[1]!];

    it('travels inside the encrypted part and comes back on import', async () => {
      const bytes = Buffer.from(await exportTraykeyBackup(withCode, PASSPHRASE, { scrypt: SMALL_SCRYPT }));
      expect(bytes.toString('utf8')).not.toContain(RECOVERY);
      expect(await importTraykeyBackup(bytes, PASSPHRASE, limits)).toEqual(withCode);
    });

    it('a backup written before recovery codes were kept (Traykey at bee5be1) still imports, with none', async () => {
      const older = await readFile(new URL('./fixtures/traykey-backup-without-recovery-codes.json', import.meta.url));
      const accounts = await importTraykeyBackup(older, PASSPHRASE, limits);
      expect(accounts).toEqual(SAMPLE_ACCOUNTS.slice(0, 2));
      expect(accounts.every((account) => !('recoveryCode' in account))).toBe(true);
    });

    it.each([
      ['control characters', 'ABC\u001b[2JDEF'],
      ['spaces inside', 'ABC DEF'],
      ['more than 256 characters', 'A'.repeat(257)],
    ])('refuses to export a recovery code with %s, without quoting it', async (_name, code) => {
      const error = await expectAppError(() => exportTraykeyBackup([{ ...SAMPLE_ACCOUNTS[0]!, recoveryCode: code }], PASSPHRASE, { scrypt: SMALL_SCRYPT }), 'INVALID_INPUT');
      expect(error.message).toBe('Account 1 cannot be backed up: its recovery code is not one piece of printable text of at most 256 characters.');
    });
  });
});
