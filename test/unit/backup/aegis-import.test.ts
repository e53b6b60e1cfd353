import { describe, expect, it } from 'vitest';
import { importBackup } from '../../../electron/core/backup/import-backup';
import { aegisEncrypted, aegisEntry, aegisPlain } from './fixtures/foreign-encoders';
import { expectAppError } from '../../support/expect-app-error';

const limits = { maxScryptWork: 1024 };
const password = 'aegis test password';
const bytes = (text: string) => Buffer.from(text, 'utf8');

const ENTRIES = [
  aegisEntry({ type: 'totp', name: 'alice@example.com', issuer: 'GitHub', info: { secret: 'JBSWY3DPEHPK3PXP', algo: 'SHA1', digits: 6, period: 30 } }),
  aegisEntry({ type: 'hotp', name: 'ops', issuer: 'VPN', info: { secret: 'MFRGGZDFMZTWQ2LK', algo: 'SHA256', digits: 8, counter: 7 } }),
  aegisEntry({ type: 'steam', name: 'gamer', issuer: 'Steam', info: { secret: 'ONSWG4TFOQ', algo: 'SHA1', digits: 5, period: 30 } }),
  aegisEntry({ type: 'totp', name: 'bob', issuer: 'Bank', info: { secret: 'gezd gnbv gy3t qojq', algo: 'SHA512', digits: 8, period: 60 } }),
];

const EXPECTED = [
  { issuer: 'GitHub', label: 'alice@example.com', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, secret: 'JBSWY3DPEHPK3PXP' },
  { issuer: 'VPN', label: 'ops', type: 'hotp', algorithm: 'SHA256', digits: 8, period: 30, counter: 7, secret: 'MFRGGZDFMZTWQ2LK' },
  { issuer: 'Steam', label: 'gamer', type: 'steam', algorithm: 'SHA1', digits: 5, period: 30, secret: 'ONSWG4TFOQ' },
  { issuer: 'Bank', label: 'bob', type: 'totp', algorithm: 'SHA512', digits: 8, period: 60, secret: 'GEZDGNBVGY3TQOJQ' },
];

interface EncryptedAegis {
  version: number;
  db: string;
  header: { params?: { nonce: string; tag: string }; slots: Array<{ n: number; r: number; key_params: { nonce: string } }> };
}

describe('Aegis import', () => {
  it('reads a plain Aegis export: TOTP, HOTP with its counter, Steam, and normalised secrets', async () => {
    const result = await importBackup(bytes(aegisPlain(ENTRIES)));
    expect(result).toEqual({ format: 'aegis', encrypted: false, accounts: EXPECTED, problems: [] });
  });

  it('reads an encrypted Aegis export through its password slot, skipping the biometric slot', async () => {
    const result = await importBackup(bytes(aegisEncrypted(ENTRIES, password)), { passphrase: password, limits });
    expect(result).toEqual({ format: 'aegis', encrypted: true, accounts: EXPECTED, problems: [] });
  });

  it('opens an export made with Aegis\' own scrypt parameters (N=2^15, r=8, p=1) under the default limits', async () => {
    const file = aegisEncrypted(ENTRIES.slice(0, 1), password, { n: 2 ** 15, r: 8, p: 1 });
    expect((await importBackup(bytes(file), { passphrase: password })).accounts).toEqual(EXPECTED.slice(0, 1));
  });

  it('says WRONG_PASSPHRASE for a wrong password and returns nothing', async () => {
    await expectAppError(() => importBackup(bytes(aegisEncrypted(ENTRIES, password)), { passphrase: 'not it', limits }), 'WRONG_PASSPHRASE');
  });

  it('asks for the password of an encrypted export when none is given', async () => {
    const error = await expectAppError(() => importBackup(bytes(aegisEncrypted(ENTRIES, password)), { limits }), 'INVALID_INPUT');
    expect(error.message).toMatch(/encrypted: give the password/);
  });

  it('rejects an export whose encrypted database was altered, after the password opened the key', async () => {
    const doc = JSON.parse(aegisEncrypted(ENTRIES, password)) as { db: string };
    const db = Buffer.from(doc.db, 'base64');
    db[5] = (db[5] as number) ^ 0x80;
    doc.db = db.toString('base64');
    const error = await expectAppError(() => importBackup(bytes(JSON.stringify(doc)), { passphrase: password, limits }), 'INVALID_INPUT');
    expect(error.message).toMatch(/damaged/);
  });

  it('rejects an export with no password slot', async () => {
    const doc = JSON.parse(aegisEncrypted(ENTRIES, password)) as { header: { slots: Array<{ type: number }> } };
    doc.header.slots = doc.header.slots.filter((s) => s.type !== 1);
    const error = await expectAppError(() => importBackup(bytes(JSON.stringify(doc)), { passphrase: password, limits }), 'INVALID_INPUT');
    expect(error.message).toMatch(/no password slot/);
  });

  it.each([
    ['a slot nonce that is not hex', (d: EncryptedAegis) => { d.header.slots[1]!.key_params.nonce = 'zz'.repeat(12); }, /not valid hexadecimal/],
    ['a short database tag', (d: EncryptedAegis) => { d.header.params!.tag = 'abcd'; }, /tag should be 16 bytes/],
    ['missing header params', (d: EncryptedAegis) => { delete d.header.params; }, /"params"/],
    ['a file version of 2', (d: EncryptedAegis) => { d.version = 2; }, /file version 2/],
    ['a database that is not base64', (d: EncryptedAegis) => { d.db = '%%%'; }, /not valid base64/],
    ['a slot asking for huge scrypt work', (d: EncryptedAegis) => { d.header.slots[1]!.n = 2 ** 20; d.header.slots[1]!.r = 8; }, /more key-derivation work/],
  ])('rejects an encrypted export with %s as INVALID_INPUT', async (_name, edit, message) => {
    const doc = JSON.parse(aegisEncrypted(ENTRIES, password)) as EncryptedAegis;
    edit(doc);
    const error = await expectAppError(() => importBackup(bytes(JSON.stringify(doc)), { passphrase: password, limits }), 'INVALID_INPUT');
    expect(error.message).toMatch(message);
  });

  it('skips entries it cannot use and says why, keeping the rest', async () => {
    const entries = [
      ENTRIES[0],
      aegisEntry({ type: 'yandex', name: 'y', issuer: 'Yandex', info: { secret: 'JBSWY3DPEHPK3PXP', algo: 'SHA256', digits: 8, period: 30 } }),
      aegisEntry({ type: 'totp', name: 'broken', issuer: 'Shop', info: { secret: 'THIS-IS-NOT-BASE32-1!', algo: 'SHA1', digits: 6, period: 30 } }),
      aegisEntry({ type: 'totp', name: 'md5', issuer: 'Old', info: { secret: 'JBSWY3DPEHPK3PXP', algo: 'MD5', digits: 6, period: 30 } }),
      aegisEntry({ type: 'totp', name: 'ten', issuer: 'Odd', info: { secret: 'JBSWY3DPEHPK3PXP', algo: 'SHA1', digits: 10, period: 30 } }),
      { type: 'totp', name: 'no info', issuer: 'Gone' },
      'not an entry',
    ];
    const result = await importBackup(bytes(aegisPlain(entries)));
    expect(result.accounts).toEqual(EXPECTED.slice(0, 1));
    expect(result.problems).toEqual([
      { kind: 'entry', number: 2, name: 'Yandex: y', reason: 'its type "yandex" is not supported (only TOTP, HOTP and Steam are)' },
      { kind: 'entry', number: 3, name: 'Shop: broken', reason: 'its secret is not valid base32' },
      { kind: 'entry', number: 4, name: 'Old: md5', reason: 'its hash algorithm is not SHA1, SHA256 or SHA512' },
      { kind: 'entry', number: 5, name: 'Odd: ten', reason: 'its number of digits is not a whole number from 5 to 8' },
      { kind: 'entry', number: 6, name: 'Gone: no info', reason: 'it has no "info" with its secret and settings' },
      { kind: 'entry', number: 7, reason: 'it is not an entry object' },
    ]);
    expect(JSON.stringify(result.problems)).not.toContain('THIS-IS-NOT-BASE32');
  });

  it('keeps a nameless entry under its issuer', async () => {
    const entries = [aegisEntry({ type: 'totp', name: '', issuer: 'Solo', info: { secret: 'JBSWY3DPEHPK3PXP', algo: 'SHA1', digits: 6, period: 30 } })];
    expect((await importBackup(bytes(aegisPlain(entries)))).accounts[0]).toMatchObject({ issuer: 'Solo', label: 'Solo' });
  });
});
