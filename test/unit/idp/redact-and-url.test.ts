import { describe, expect, it } from 'vitest';
import { redactText } from '../../../electron/core/idp/http/redact';
import { joinUrl, resolveLink } from '../../../electron/core/idp/http/url';

describe('redaction', () => {
  it('hides authorization schemes, secret JSON and form fields, and one-time QR paths', () => {
    const text = [
      'Authorization: SSWS 00abcDEF123',
      'authorization: Bearer eyJhbGciOi.payload.sig',
      '{"username":"a@b.c","password":"hunter2","passCode":"123456","client_secret":"s3cr3t","recovery_codes":["AAA","BBB"]}',
      'grant_type=password&password=pw1&otp=999999&mfa_token=Fe26.x&client_id=abc',
      'https://acme.okta.com/api/v1/users/00u1/factors/ost1/qr/00fukNElRS_Tz6k',
    ].join('\n');
    const out = redactText(text);
    for (const secret of ['00abcDEF123', 'eyJhbGciOi', 'hunter2', '123456', 's3cr3t', 'AAA', 'pw1', '999999', 'Fe26.x', '00fukNElRS_Tz6k']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('"username":"a@b.c"');
    expect(out).toContain('client_id=abc');
  });

  it('hides known secret values wherever they appear', () => {
    expect(redactText('the user typed Tr0ub4dor&3 as a name', ['Tr0ub4dor&3'])).toBe('the user typed [REDACTED] as a name');
  });
});

describe('URLs', () => {
  it('keeps a base path prefix, with or without a trailing slash', () => {
    expect(joinUrl('http://127.0.0.1:8080/okta/acme', '/api/v1/authn').toString()).toBe('http://127.0.0.1:8080/okta/acme/api/v1/authn');
    expect(joinUrl('http://127.0.0.1:8080/okta/acme/', 'api/v1/authn').toString()).toBe('http://127.0.0.1:8080/okta/acme/api/v1/authn');
    expect(joinUrl('https://acme.okta.com', '/api/v1/users').toString()).toBe('https://acme.okta.com/api/v1/users');
  });

  it('refuses links to another origin', () => {
    expect(resolveLink('https://acme.okta.com', 'https://acme.okta.com/api/v1/authn/cancel').pathname).toBe('/api/v1/authn/cancel');
    expect(() => resolveLink('https://acme.okta.com', 'https://acme.okta.com.evil.test/x')).toThrow(/another site/);
  });
});
