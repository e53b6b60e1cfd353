import { describe, expect, it } from 'vitest';
import { describeBackup, importBackup } from '../../../electron/core/backup/import-backup';
import { exportTraykeyBackup } from '../../../electron/core/backup/traykey-backup';
import { PASSPHRASE, SAMPLE_ACCOUNTS, SMALL_SCRYPT } from './fixtures/accounts';
import { expectAppError } from '../../support/expect-app-error';
import { aegisEncrypted, aegisPlain, twoFasEncrypted, twoFasPlain, twoFasService } from './fixtures/foreign-encoders';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('backup format detection', () => {
  it('names each supported format from the content and whether it needs a passphrase', async () => {
    const service = twoFasService('A', 'JBSWY3DPEHPK3PXP', {});
    expect(describeBackup(await exportTraykeyBackup(SAMPLE_ACCOUNTS, PASSPHRASE, { scrypt: SMALL_SCRYPT }))).toEqual({ format: 'traykey', encrypted: true });
    expect(describeBackup(utf8(aegisPlain([])))).toEqual({ format: 'aegis', encrypted: false });
    expect(describeBackup(utf8(aegisEncrypted([], 'pw')))).toEqual({ format: 'aegis', encrypted: true });
    expect(describeBackup(utf8(twoFasPlain([service])))).toEqual({ format: '2fas', encrypted: false });
    expect(describeBackup(utf8(twoFasEncrypted([service], 'pw')))).toEqual({ format: '2fas', encrypted: true });
    expect(describeBackup(utf8('\uFEFF# mine\notpauth://totp/x?secret=JBSWY3DPEHPK3PXP\n'))).toEqual({ format: 'uris', encrypted: false });
  });

  it.each([
    ['an empty file', utf8(''), /empty/],
    ['whitespace only', utf8(' \n\t\n'), /empty/],
    ['binary data', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00, 0xfe]), /not UTF-8 text/],
    ['JSON of another app', utf8('{"accounts": []}'), /JSON but not a Traykey, Aegis or 2FAS backup/],
    ['a JSON list', utf8('[1, 2, 3]'), /JSON but not/],
    ['broken JSON', utf8('{"header": '), /not valid JSON/],
    ['plain text without links', utf8('hello\nworld\n'), /not a backup Traykey recognises/],
    ['a CSV export', utf8('name,secret\nGitHub,JBSWY3DPEHPK3PXP\n'), /not a backup Traykey recognises/],
  ])('rejects %s with a sentence saying what Traykey can import', async (_name, file, message) => {
    const error = await expectAppError(() => importBackup(file), 'INVALID_INPUT');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/otpauth/);
  });

  it('rejects files over 10 MiB before reading them', async () => {
    const error = await expectAppError(() => importBackup(Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)), 'INVALID_INPUT');
    expect(error.message).toMatch(/larger than 10 MiB/);
  });

  it('honours a format the user names, and lets that importer say what is wrong', async () => {
    const twoFas = utf8(twoFasPlain([twoFasService('A', 'JBSWY3DPEHPK3PXP', {})]));
    expect((await importBackup(twoFas, { format: '2fas' })).accounts).toHaveLength(1);
    const error = await expectAppError(() => importBackup(twoFas, { format: 'aegis' }), 'INVALID_INPUT');
    expect(error.message).toMatch(/not an Aegis backup/);
    await expectAppError(() => importBackup(twoFas, { format: 'traykey', passphrase: PASSPHRASE }), 'INVALID_INPUT');
    expect((await importBackup(twoFas, { format: 'uris' })).problems).toEqual([{ kind: 'line', number: 1, reason: 'it is not an otpauth:// link' }]);
  });
});
