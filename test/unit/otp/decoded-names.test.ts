import type { OtpAccount } from '../../../shared/accounts';
import { describe, expect, it } from 'vitest';
import { displayTextProblem } from '../../../shared/display-text';
import { AccountsService } from '../../../electron/core/accounts/accounts-service';
import { checkAccountFields } from '../../../electron/core/backup/account-fields';
import { parseKeyUri } from '../../../electron/core/otp/key-uri';
import { decodeMigrationUri, encodeMigrationUris } from '../../../electron/core/otp/migration-uri';
import { classifyCode } from '../../../electron/core/qr/classify-codes';
import { parseDeepLink } from '../../../electron/core/deep-link/parse-deep-link';
import { MemoryVault } from '../accounts/memory-vault';

/**
 * Issue 13: filtering ran before percent-decoding, so a right-to-left override and a NUL reached the
 * vault, and `Evil%1B%5B2J` later cleared the terminal on `traykey list`. The check runs on the
 * decoded names, in one shared place used by every way an account arrives.
 */
const SECRET = 'JBSWY3DPEHPK3PXP';
const RLO_AND_NUL = `otpauth://totp/PayPal%E2%80%AE:al%00ice?secret=${SECRET}&issuer=PayPal%E2%80%AE`;
const ESCAPE = `otpauth://totp/Evil%1B%5B2J:bob?secret=${SECRET}`;

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('it was accepted');
}

describe('names are checked after decoding', () => {
  it('refuses a percent-encoded right-to-left override in the issuer, naming the field', () => {
    const error = thrown(() => parseKeyUri(RLO_AND_NUL)) as Error;
    expect(error).toMatchObject({ code: 'INVALID_URI', field: 'issuer' });
    expect(error.message).toContain('U+202E');
  });

  it('refuses a percent-encoded NUL in the label', () => {
    expect(thrown(() => parseKeyUri(`otpauth://totp/PayPal:al%00ice?secret=${SECRET}`))).toMatchObject({ code: 'INVALID_URI', field: 'label' });
  });

  it('refuses a percent-encoded terminal escape', () => {
    const error = thrown(() => parseKeyUri(ESCAPE)) as Error;
    expect(error).toMatchObject({ code: 'INVALID_URI', field: 'issuer' });
    expect(error.message).toContain('U+001B');
  });

  it('refuses isolates in the issuer parameter and C1 controls, and keeps names that only look unusual', () => {
    expect(thrown(() => parseKeyUri(`otpauth://totp/bob?secret=${SECRET}&issuer=%E2%81%A6Bank`))).toMatchObject({ field: 'issuer' });
    expect(thrown(() => parseKeyUri(`otpauth://totp/Bank:b%C2%9Bob?secret=${SECRET}`))).toMatchObject({ field: 'label' });
    expect(parseKeyUri(`otpauth://totp/%D7%91%D7%A0%D7%A7:%F0%9F%91%A9%E2%80%8D%F0%9F%92%BB?secret=${SECRET}`)).toMatchObject({ issuer: 'בנק', label: '👩‍💻' });
  });

  it('the same check guards deep links, QR codes and Google Authenticator exports', () => {
    expect(parseDeepLink(`traykey://add?uri=${encodeURIComponent(ESCAPE)}`)).toMatchObject({ ok: false, error: { code: 'INVALID_URI' } });
    expect(classifyCode(RLO_AND_NUL)).toMatchObject({ kind: 'invalid', message: expect.stringContaining('U+202E') });
    const hostile: OtpAccount = { type: 'totp', issuer: 'Evil\u001b[2J', label: 'bob', secret: SECRET, algorithm: 'SHA1', digits: 6, period: 30 };
    const [exported = ''] = encodeMigrationUris([hostile], 1);
    expect(thrown(() => decodeMigrationUri(exported))).toMatchObject({ code: 'INVALID_URI', field: 'issuer' });
  });

  it('the same check guards backup imports', () => {
    const check = checkAccountFields({ issuer: 'PayPal\u202e', label: 'alice', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, secret: SECRET });
    expect(check).toMatchObject({ ok: false });
    expect(check.ok ? '' : check.reason).toContain('text-direction override');
  });

  it('and the accounts service refuses such names however they arrive, renames included', async () => {
    const service = new AccountsService(new MemoryVault(), { now: () => 0, newId: () => 'id-1' });
    await expect(service.add({ issuer: 'Evil\u001b[2J', label: 'bob', secret: SECRET })).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'issuer' });
    await expect(service.insert({ type: 'totp', issuer: 'Bank', label: 'a\u2066b', secret: SECRET, algorithm: 'SHA1', digits: 6, period: 30 })).rejects.toMatchObject({ field: 'label' });
    const saved = await service.add({ issuer: 'Bank', label: 'bob', secret: SECRET });
    await expect(service.rename(saved.id, 'Bank', 'bob\nfake line')).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'label' });
  });

  it('reports the first offending character', () => {
    expect(displayTextProblem('plain')).toBeNull();
    expect(displayTextProblem('a\u2029b')).toEqual({ kind: 'control', codePoint: 'U+2029' });
    expect(displayTextProblem('\u202dx')).toEqual({ kind: 'bidi', codePoint: 'U+202D' });
  });
});
