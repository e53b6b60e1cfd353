import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDeepLinkArgument, MAX_DEEP_LINK_LENGTH, parseDeepLink } from '../../../electron/core/deep-link/parse-deep-link';

const SECRET = 'JBSWY3DPEHPK3PXP';
const otpauth = `otpauth://totp/ACME:alice%40example.com?secret=${SECRET}&issuer=ACME&digits=6`;
const wrapped = `traykey://add?uri=${encodeURIComponent(otpauth)}`;

describe('traykey:// and otpauth:// links from the OS', () => {
  it('opens the add-account preview for a traykey://add link', () => {
    expect(parseDeepLink(wrapped)).toEqual({
      ok: true,
      link: { action: 'add', otpauthUri: otpauth, preview: { issuer: 'ACME', label: 'alice@example.com', type: 'totp' } },
    });
  });

  it('carries a preview without the secret, for the add-account view to show', () => {
    const result = parseDeepLink(wrapped);
    expect(result.ok && result.link.action === 'add' && JSON.stringify(result.link.preview)).not.toContain(SECRET);
  });

  it('accepts a bare otpauth link handed over by the OS', () => {
    expect(parseDeepLink(otpauth)).toMatchObject({ ok: true, link: { action: 'add', otpauthUri: otpauth } });
    expect(parseDeepLink(`otpauth://hotp/x?secret=${SECRET}&counter=3`)).toMatchObject({ ok: true, link: { preview: { type: 'hotp' } } });
    expect(parseDeepLink(`otpauth://steam/Steam:x?secret=${SECRET}`)).toMatchObject({ ok: true, link: { preview: { type: 'steam' } } });
  });

  it('accepts the scheme in any letter case and a trailing slash after add', () => {
    expect(parseDeepLink(`TRAYKEY://add/?uri=${encodeURIComponent(otpauth)}`)).toMatchObject({ ok: true });
  });

  it.each([
    ['another action', `traykey://delete?uri=${encodeURIComponent(otpauth)}`],
    ['a path after add', `traykey://add/more?uri=${encodeURIComponent(otpauth)}`],
    ['no uri', 'traykey://add'],
    ['two uris', `${wrapped}&uri=${encodeURIComponent(otpauth)}`],
    ['an extra parameter', `${wrapped}&autosave=1`],
    ['a fragment', `${wrapped}#x`],
    ['credentials', `traykey://me:pw@add?uri=${encodeURIComponent(otpauth)}`],
    ['a port', `traykey://add:99?uri=${encodeURIComponent(otpauth)}`],
    ['a nested traykey link', `traykey://add?uri=${encodeURIComponent(wrapped)}`],
    ['a web link inside', `traykey://add?uri=${encodeURIComponent('https://evil.example/')}`],
    ['a javascript link inside', `traykey://add?uri=${encodeURIComponent('javascript:alert(1)')}`],
    ['an unknown otp type', `otpauth://motp/x?secret=${SECRET}`],
    ['an hotp link without a counter', `otpauth://hotp/x?secret=${SECRET}`],
    ['a secret that is not base32', 'otpauth://totp/x?secret=not-base32!'],
    ['an issuer that contradicts the label', `otpauth://totp/Bank:alice?secret=${SECRET}&issuer=Evil`],
    ['no secret', 'otpauth://totp/ACME:alice?issuer=ACME'],
    ['an empty secret', 'otpauth://totp/ACME:alice?secret='],
    ['two secrets', `otpauth://totp/a?secret=${SECRET}&secret=AAAA`],
    ['no account name', `otpauth://totp/?secret=${SECRET}`],
    ['a space', `otpauth://totp/a b?secret=${SECRET}`],
    ['a newline', `otpauth://totp/a?secret=${SECRET}\n`],
    ['a NUL', `otpauth://totp/a\u0000?secret=${SECRET}`],
    ['a right-to-left override', `otpauth://totp/\u202eevil?secret=${SECRET}`],
    ['a zero-width space', `traykey://add?uri=${encodeURIComponent(otpauth)}\u200b`],
    ['an encoded newline inside', `traykey://add?uri=${encodeURIComponent(`${otpauth}\n`)}`],
    ['an https link', 'https://example.com/'],
    ['a file path', '/home/alice/.bashrc'],
    ['an empty string', ''],
    ['a malformed URI', 'traykey://add?uri=%E0%A4%A'],
  ])('refuses a link with %s', (_why, link) => {
    const result = parseDeepLink(link);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_URI');
  });

  it('refuses oversized links before parsing them', () => {
    expect(parseDeepLink(`traykey://add?uri=${'a'.repeat(MAX_DEEP_LINK_LENGTH)}`)).toMatchObject({ ok: false });
    expect(parseDeepLink(`otpauth://totp/a?secret=${SECRET}&x=${'a'.repeat(5000)}`)).toMatchObject({ ok: false });
  });

  it('refuses values that are not strings', () => {
    for (const value of [undefined, null, 3, {}, [wrapped]]) expect(parseDeepLink(value).ok).toBe(false);
  });

  it('never repeats the link (and its secret) in the error message', () => {
    const result = parseDeepLink(`traykey://add?uri=${encodeURIComponent(`otpauth://totp/x?secret=${SECRET}&digits=99`)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).not.toContain(SECRET);
  });

  it('never throws and only ever yields an otpauth link of a known type, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ maxLength: 200 }).map((s) => `traykey://add?uri=${s}`),
          fc.string({ maxLength: 200 }).map((s) => `traykey://add?uri=${encodeURIComponent(`otpauth://totp/${s}`)}`),
          fc.webUrl().map((url) => `traykey://add?uri=${encodeURIComponent(url)}`),
        ),
        (raw) => {
          const result = parseDeepLink(raw);
          if (result.ok) expect(result.link.action === 'add' && result.link.otpauthUri.toLowerCase()).toMatch(/^otpauth:\/\/(totp|hotp|steam)\//);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('finding the link in a second instance’s arguments', () => {
  it('picks the link and ignores flags and paths', () => {
    expect(findDeepLinkArgument(['/opt/Traykey/traykey', '--no-sandbox', '--allow-file-access-from-files', wrapped])).toBe(wrapped);
    expect(findDeepLinkArgument(['C:\\Traykey\\Traykey.exe', otpauth, '--flag'])).toBe(otpauth);
  });

  it('finds nothing when no argument is one of our links', () => {
    expect(findDeepLinkArgument(['/usr/bin/traykey', '--traykey://add', 'https://example.com'])).toBeNull();
    expect(findDeepLinkArgument([])).toBeNull();
  });
});

describe('traykey://enrol-push links from the IT team', () => {
  const enrol = (org: string, client = '0oa1traykey') => `traykey://enrol-push?org=${encodeURIComponent(org)}&client=${encodeURIComponent(client)}`;

  it('offers approvals set-up with the org’s address and its OIDC client', () => {
    expect(parseDeepLink(enrol('https://acme.okta.com'))).toEqual({ ok: true, link: { action: 'enrol-push', org: 'https://acme.okta.com', clientId: '0oa1traykey' } });
    expect(parseDeepLink(`traykey://enrol-push/?client=0oa1&org=${encodeURIComponent('https://ACME.okta.com/')}`)).toMatchObject({ ok: true, link: { org: 'https://acme.okta.com' } });
  });

  it('allows plain http only for this computer (a test org), never for another host', () => {
    expect(parseDeepLink(enrol('http://127.0.0.1:8443'))).toMatchObject({ ok: true, link: { org: 'http://127.0.0.1:8443' } });
    expect(parseDeepLink(enrol('http://acme.okta.com'))).toMatchObject({ ok: false, error: { code: 'INVALID_URI', message: expect.stringContaining('https://') } });
  });

  it('refuses an org with a query, a login or a fragment, and a client id with odd characters', () => {
    expect(parseDeepLink(enrol('https://acme.example/okta/'))).toMatchObject({ ok: true, link: { org: 'https://acme.example/okta' } });
    for (const org of ['https://acme.okta.com/?', 'https://acme.okta.com/?x=1', 'https://user:pw@acme.okta.com', 'https://acme.okta.com/#x', 'javascript:alert(1)', 'not a url']) {
      expect(parseDeepLink(enrol(org)), org).toMatchObject({ ok: false, error: { code: 'INVALID_URI' } });
    }
    for (const client of ['', 'a b', 'x'.repeat(201), '0oa1<script>', '0oa1\u202e']) {
      expect(parseDeepLink(enrol('https://acme.okta.com', client)), client).toMatchObject({ ok: false, error: { code: 'INVALID_URI' } });
    }
  });

  it('needs exactly the org and the client, nothing else', () => {
    expect(parseDeepLink('traykey://enrol-push?org=https%3A%2F%2Facme.okta.com')).toMatchObject({ ok: false });
    expect(parseDeepLink(`${enrol('https://acme.okta.com')}&redirect=https%3A%2F%2Fevil.example`)).toMatchObject({ ok: false });
    expect(parseDeepLink(`${enrol('https://acme.okta.com')}&org=https%3A%2F%2Fevil.example`)).toMatchObject({ ok: false });
  });
});
