import { describe, expect, it } from 'vitest';
import { importBackup } from '../../../electron/core/backup/import-backup';
import { importUriList, type KeyUriParser } from '../../../electron/core/backup/uri-list';
import { appError } from '../../../shared/errors';

const LIST = [
  '# exported by hand',
  'otpauth://totp/GitHub:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub',
  '',
  '   ',
  'otpauth://hotp/VPN:ops?secret=MFRGGZDFMZTWQ2LK&issuer=VPN&counter=9&digits=8&algorithm=SHA256',
  'https://example.com/not-a-key',
  'otpauth://totp/Broken?secret=!!!notbase32',
  'otpauth://totp/Bank:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Bank&period=60&digits=7&algorithm=SHA512',
].join('\r\n');

describe('otpauth:// URI list import', () => {
  it('imports good lines, skips blanks and # comments, and reports each bad line by number', async () => {
    const result = await importBackup(Buffer.from(LIST, 'utf8'));
    expect(result.format).toBe('uris');
    expect(result.accounts).toEqual([
      { issuer: 'GitHub', label: 'alice@example.com', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, secret: 'JBSWY3DPEHPK3PXP' },
      { issuer: 'VPN', label: 'ops', type: 'hotp', algorithm: 'SHA256', digits: 8, period: 30, counter: 9, secret: 'MFRGGZDFMZTWQ2LK' },
      { issuer: 'Bank', label: 'bob', type: 'totp', algorithm: 'SHA512', digits: 7, period: 60, secret: 'GEZDGNBVGY3TQOJQ' },
    ]);
    expect(result.problems).toEqual([
      { kind: 'line', number: 6, reason: 'it is not an otpauth:// link' },
      { kind: 'line', number: 7, reason: expect.stringMatching(/otpauth/) },
    ]);
    expect(JSON.stringify(result.problems)).not.toContain('notbase32');
  });

  it('uses the parser it is given, and reports that parser\'s own error sentence for a bad line', () => {
    const parse: KeyUriParser = (uri) => {
      if (uri.includes('bad')) throw appError('INVALID_URI', 'the link has no secret');
      return { issuer: 'Fake', label: uri.slice(-3), type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, secret: 'JBSWY3DPEHPK3PXP' };
    };
    const result = importUriList('otpauth://totp/abc\notpauth://totp/bad\n#otpauth://totp/skipped\n', parse);
    expect(result.accounts.map((a) => a.label)).toEqual(['abc']);
    expect(result.problems).toEqual([{ kind: 'line', number: 2, reason: 'the link has no secret' }]);
  });

  it('hides the message of a parser that throws something other than an AppError', () => {
    const parse: KeyUriParser = () => {
      throw new Error('secret=JBSWY3DPEHPK3PXP is odd');
    };
    const result = importUriList('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', parse);
    expect(result.problems).toEqual([{ kind: 'line', number: 1, reason: 'it is not a valid otpauth:// link' }]);
  });

  it('still checks what the parser returns (digits, secret) before accepting a line', () => {
    const parse: KeyUriParser = () => ({ issuer: 'X', label: 'y', type: 'totp', algorithm: 'SHA1', digits: 12, period: 30, secret: 'JBSWY3DPEHPK3PXP' });
    expect(importUriList('otpauth://totp/x', parse).problems[0]?.reason).toMatch(/digits/);
  });
});
