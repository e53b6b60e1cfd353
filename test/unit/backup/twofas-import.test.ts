import { describe, expect, it } from 'vitest';
import { importBackup } from '../../../electron/core/backup/import-backup';
import { twoFasEncrypted, twoFasPlain, twoFasService } from './fixtures/foreign-encoders';
import { expectAppError } from '../../support/expect-app-error';

const password = '2fas test password';
const bytes = (text: string) => Buffer.from(text, 'utf8');

const SERVICES = [
  twoFasService('GitHub', 'JBSWY3DPEHPK3PXP', { account: 'alice@example.com', issuer: 'GitHub', digits: 6, period: 30, algorithm: 'SHA1', tokenType: 'TOTP' }, 0),
  twoFasService('VPN', 'MFRGGZDFMZTWQ2LK', { account: 'ops', digits: 8, period: 30, algorithm: 'SHA256', tokenType: 'HOTP', counter: 3 }, 1),
  twoFasService('Steam', 'ONSWG4TFOQ', { account: 'gamer', tokenType: 'STEAM', digits: 5, period: 30, algorithm: 'SHA1' }, 2),
];

const EXPECTED = [
  { issuer: 'GitHub', label: 'alice@example.com', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, secret: 'JBSWY3DPEHPK3PXP' },
  { issuer: 'VPN', label: 'ops', type: 'hotp', algorithm: 'SHA256', digits: 8, period: 30, counter: 3, secret: 'MFRGGZDFMZTWQ2LK' },
  { issuer: 'Steam', label: 'gamer', type: 'steam', algorithm: 'SHA1', digits: 5, period: 30, secret: 'ONSWG4TFOQ' },
];

describe('2FAS import', () => {
  it('reads a plain 2FAS export, taking the issuer from the service name when otp.issuer is absent', async () => {
    expect(await importBackup(bytes(twoFasPlain(SERVICES)))).toEqual({ format: '2fas', encrypted: false, accounts: EXPECTED, problems: [] });
  });

  it('reads an encrypted 2FAS export (PBKDF2-SHA256, AES-GCM, "data:salt:iv")', async () => {
    const result = await importBackup(bytes(twoFasEncrypted(SERVICES, password)), { passphrase: password });
    expect(result).toEqual({ format: '2fas', encrypted: true, accounts: EXPECTED, problems: [] });
  });

  it('reads an encrypted export that carries no password reference', async () => {
    const result = await importBackup(bytes(twoFasEncrypted(SERVICES, password, { withReference: false })), { passphrase: password });
    expect(result.accounts).toEqual(EXPECTED);
  });

  it('says WRONG_PASSPHRASE for a wrong password, with or without a reference', async () => {
    await expectAppError(() => importBackup(bytes(twoFasEncrypted(SERVICES, password)), { passphrase: 'nope' }), 'WRONG_PASSPHRASE');
    await expectAppError(() => importBackup(bytes(twoFasEncrypted(SERVICES, password, { withReference: false })), { passphrase: 'nope' }), 'WRONG_PASSPHRASE');
  });

  it('asks for the password of an encrypted export when none is given', async () => {
    const error = await expectAppError(() => importBackup(bytes(twoFasEncrypted(SERVICES, password))), 'INVALID_INPUT');
    expect(error.field).toBe('passphrase');
  });

  it('rejects altered encrypted services as damaged once the reference proved the password right', async () => {
    const doc = JSON.parse(twoFasEncrypted(SERVICES, password)) as { servicesEncrypted: string };
    const [data, salt, iv] = doc.servicesEncrypted.split(':') as [string, string, string];
    const raw = Buffer.from(data, 'base64');
    raw[0] = (raw[0] as number) ^ 0x01;
    doc.servicesEncrypted = [raw.toString('base64'), salt, iv].join(':');
    const error = await expectAppError(() => importBackup(bytes(JSON.stringify(doc)), { passphrase: password }), 'INVALID_INPUT');
    expect(error.message).toMatch(/damaged/);
  });

  it.each([
    ['two parts instead of three', (v: string) => v.split(':').slice(0, 2).join(':'), /three base64 parts/],
    ['an IV of the wrong length', (v: string) => `${v.split(':').slice(0, 2).join(':')}:AAAA`, /IV should be 12 bytes/],
    ['data shorter than a tag', (v: string) => `AAAA:${v.split(':').slice(1).join(':')}`, /too short/],
    ['a salt that is not base64', (v: string) => v.split(':').map((p, i) => (i === 1 ? '*' : p)).join(':'), /salt is not valid base64/],
  ])('rejects servicesEncrypted with %s as INVALID_INPUT', async (_name, edit, message) => {
    const doc = JSON.parse(twoFasEncrypted(SERVICES, password)) as { servicesEncrypted: string };
    doc.servicesEncrypted = edit(doc.servicesEncrypted);
    const error = await expectAppError(() => importBackup(bytes(JSON.stringify(doc)), { passphrase: password }), 'INVALID_INPUT');
    expect(error.message).toMatch(message);
  });

  it('fills 2FAS defaults (TOTP, SHA1, 6 digits, 30 s) when the otp block leaves them out', async () => {
    const result = await importBackup(bytes(twoFasPlain([{ name: 'Plain', secret: 'JBSWY3DPEHPK3PXP', otp: {} }])));
    expect(result.accounts).toEqual([{ issuer: 'Plain', label: 'Plain', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, secret: 'JBSWY3DPEHPK3PXP' }]);
  });

  it('skips services it cannot use and says why, keeping the rest', async () => {
    const services = [
      SERVICES[0],
      twoFasService('Legacy', 'JBSWY3DPEHPK3PXP', { account: 'x', tokenType: 'MOTP' }),
      twoFasService('Broken', '0000', { account: 'y' }),
      twoFasService('Weird', 'JBSWY3DPEHPK3PXP', { account: 'z', algorithm: 'SHA224' }),
      { name: 'NoSecret', otp: { account: 'w' } },
      42,
    ];
    const result = await importBackup(bytes(twoFasPlain(services)));
    expect(result.accounts).toEqual(EXPECTED.slice(0, 1));
    expect(result.problems).toEqual([
      { kind: 'entry', number: 2, name: 'Legacy: x', reason: 'its type "MOTP" is not supported (only TOTP, HOTP and Steam are)' },
      { kind: 'entry', number: 3, name: 'Broken: y', reason: 'its secret is not valid base32' },
      { kind: 'entry', number: 4, name: 'Weird: z', reason: 'its hash algorithm is not SHA1, SHA256 or SHA512' },
      { kind: 'entry', number: 5, name: 'NoSecret: w', reason: 'it has no secret' },
      { kind: 'entry', number: 6, reason: 'it is not a service object' },
    ]);
  });
});
