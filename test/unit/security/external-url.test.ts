import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_EXTERNAL_URL_LENGTH, safeExternalUrl } from '../../../electron/core/windows/external-url';
import { decideWindowOpen } from '../../../electron/core/windows/navigation-policy';

describe('opening links in the system browser', () => {
  it('allows a plain https link', () => {
    expect(safeExternalUrl('https://help.okta.com/en-us/content/topics/security/mfa/mfa-home.htm')).toBe(
      'https://help.okta.com/en-us/content/topics/security/mfa/mfa-home.htm',
    );
  });

  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,hi',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP',
    'traykey://add?uri=x',
    'https://user:pass@example.com/',
    'https://localhost/',
    'https:///nohost',
    ' https://example.com/',
    'https://exa\nmple.com/',
    'https://example.com/\u0000',
    '',
  ])('refuses %j', (url) => {
    expect(safeExternalUrl(url)).toBeNull();
  });

  it('refuses values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, ['https://example.com']]) expect(safeExternalUrl(value)).toBeNull();
  });

  it('refuses an oversized link', () => {
    expect(safeExternalUrl(`https://example.com/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`)).toBeNull();
  });

  it('never returns anything but an https URL, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ validSchemes: ['http', 'https', 'ftp', 'file'] })), (raw) => {
        const out = safeExternalUrl(raw);
        if (out !== null) expect(new URL(out).protocol).toBe('https:');
      }),
      { numRuns: 300 },
    );
  });
});

describe('window.open from the popup', () => {
  it('is always denied, handing a safe https link to the browser', () => {
    expect(decideWindowOpen('https://example.com/docs')).toEqual({ action: 'deny', openExternally: 'https://example.com/docs' });
  });

  it('is denied without opening anything for other schemes', () => {
    expect(decideWindowOpen('file:///etc/passwd')).toEqual({ action: 'deny', openExternally: null });
    expect(decideWindowOpen('app://traykey/index.html')).toEqual({ action: 'deny', openExternally: null });
  });
});
