import { describe, expect, it } from 'vitest';
import { accountsOf, batchLabel, classifyCode, MAX_KEY_URI_LENGTH } from '../../../electron/core/qr';
import { migrationUri } from '../../bench/qr-corpus/payloads';
import { PAIRING_WORDS } from '../../../electron/core/sync/pairing/words';

const SECRET = 'JBSWY3DPEHPK3PXP';
const bytes = (n: number): Uint8Array => Uint8Array.from({ length: 20 }, (_, i) => (i * 7 + n) & 255);

describe('classifyCode', () => {
  it('reads an otpauth://totp link as one account', () => {
    const code = classifyCode(`otpauth://totp/Acme:alice@example.com?secret=${SECRET}&issuer=Acme&digits=8&period=60&algorithm=SHA256`);
    expect(code.kind).toBe('otpauth');
    expect(accountsOf([code])).toEqual([expect.objectContaining({ issuer: 'Acme', label: 'alice@example.com', type: 'totp', algorithm: 'SHA256', digits: 8, period: 60, secret: SECRET })]);
  });

  it('reads an otpauth://hotp link with its counter', () => {
    const code = classifyCode(`otpauth://hotp/Bank:bob?secret=${SECRET}&issuer=Bank&counter=5`);
    expect(accountsOf([code])).toEqual([expect.objectContaining({ type: 'hotp', counter: 5 })]);
  });

  it('reads every account of a Google Authenticator transfer code and which batch it is', () => {
    const text = migrationUri(
      [
        { issuer: 'GitHub', name: 'alice', secret: bytes(1), type: 'totp' },
        { issuer: 'Okta', name: 'bob', secret: bytes(2), type: 'hotp', counter: 3 },
      ],
      { index: 1, size: 3, id: 99 },
    );
    const code = classifyCode(text);
    expect(code).toMatchObject({ kind: 'migration', batch: { index: 1, size: 3, id: 99 } });
    expect(accountsOf([code]).map((a) => [a.issuer, a.label, a.type])).toEqual([
      ['GitHub', 'alice', 'totp'],
      ['Okta', 'bob', 'hotp'],
    ]);
    if (code.kind === 'migration') expect(batchLabel(code.batch)).toBe('2 of 3');
  });

  it('shows a web address as a link and holds no account', () => {
    const code = classifyCode('https://example.com/setup');
    expect(code).toEqual({ kind: 'link', text: 'https://example.com/setup' });
    expect(accountsOf([code])).toEqual([]);
  });

  it('reads another computer’s sync pairing code as its six words, in any case, holding no account', () => {
    const words = PAIRING_WORDS.slice(0, 6);
    const code = classifyCode(`TRAYKEY-SYNC:${words.join('-').toUpperCase()}`);
    expect(code).toMatchObject({ kind: 'sync-pairing', words });
    expect(accountsOf([code])).toEqual([]);
  });

  it('explains a damaged sync pairing code without repeating it', () => {
    for (const text of [`traykey-sync:${PAIRING_WORDS.slice(0, 5).join('-')}`, 'traykey-sync:not-words-at-all-here-really-no']) {
      const code = classifyCode(text);
      expect(code).toMatchObject({ kind: 'invalid', message: 'This Traykey sync pairing code cannot be read: show a new one with Pair on your other computer.' });
    }
  });

  it('shows any other content as text', () => {
    expect(classifyCode('WIFI:S:office;T:WPA;P:hunter2;;')).toMatchObject({ kind: 'text' });
    expect(classifyCode('hello')).toMatchObject({ kind: 'text' });
  });

  it('explains a malformed otpauth link without repeating its secret', () => {
    const code = classifyCode('otpauth://totp/Acme:alice?secret=NOT*BASE32&issuer=Acme');
    expect(code.kind).toBe('invalid');
    if (code.kind === 'invalid') {
      expect(code.message).toMatch(/otpauth link cannot be used/);
      expect(code.message).not.toContain('NOT*BASE32');
    }
  });

  it('refuses an oversized otpauth link before parsing it', () => {
    const code = classifyCode(`otpauth://totp/A:b?secret=${SECRET}&issuer=A&x=${'a'.repeat(MAX_KEY_URI_LENGTH)}`);
    expect(code).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/longer than 4096 characters/) });
  });

  it('explains a damaged transfer code and saves nothing from it', () => {
    const code = classifyCode('otpauth-migration://offline?data=%%%not-base64');
    expect(code).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/Google Authenticator export cannot be read/) });
    expect(accountsOf([code])).toEqual([]);
  });

  it('refuses an oversized transfer code', () => {
    expect(classifyCode(`otpauth-migration://offline?data=${'A'.repeat(9000)}`)).toMatchObject({ kind: 'invalid' });
  });
});
